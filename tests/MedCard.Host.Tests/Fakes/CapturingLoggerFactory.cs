using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace MedCard.Host.Tests.Fakes
{
    /// <summary>Records every log line (rendered message, structured values and exception text) at every level.</summary>
    internal sealed class CapturingLoggerFactory : ILoggerFactory
    {
        internal ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger : ILogger
        {
            private readonly CapturingLoggerFactory _owner;
            private readonly string _category;

            internal Logger(CapturingLoggerFactory owner, string category)
            {
                _owner = owner;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = logLevel + " " + _category + ": " + formatter(state, exception);
                if (state is IEnumerable<KeyValuePair<string, object?>> values)
                {
                    foreach (var pair in values)
                    {
                        line += " |" + pair.Key + "=" + FormatValue(pair.Value);
                    }
                }
                if (exception is not null)
                {
                    line += " |exception=" + exception;
                }
                _owner.Lines.Enqueue(line);
            }

            private static string FormatValue(object? value) => value is byte[] bytes ? Convert.ToHexString(bytes) : value?.ToString() ?? "";
        }
    }
}
