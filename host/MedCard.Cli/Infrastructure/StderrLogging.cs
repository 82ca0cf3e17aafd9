using System;
using System.IO;
using Microsoft.Extensions.Logging;

namespace MedCard.Cli.Infrastructure;

/// <summary>With --verbose, the host library's own log (link states, resends, refused records) goes to stderr, one
/// line per event. The library never logs keys, PINs or PIN blocks, so nothing here needs redaction.</summary>
internal sealed class StderrLoggerFactory(TextWriter error) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(error, ShortName(categoryName));

    public void AddProvider(ILoggerProvider provider)
    {
        // One fixed destination: stderr.
    }

    public void Dispose()
    {
    }

    internal static string ShortName(string category) => category[(category.LastIndexOf('.') + 1)..];

    private sealed class StderrLogger(TextWriter error, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (error)
            {
                // The exception's type and message, never its stack (one line per event).
                error.WriteLine("medcard: [" + logLevel + "] " + category + ": " + formatter(state, exception)
                    + (exception is null ? string.Empty : " (" + exception.GetType().Name + ": " + exception.Message.ReplaceLineEndings(" ") + ")"));
            }
        }
    }
}

/// <summary>The same stderr lines as a logging provider, for hosts that build their own logging (`medcard serve`).</summary>
internal sealed class StderrLoggerProvider(TextWriter error) : ILoggerProvider
{
    private readonly StderrLoggerFactory _factory = new(error);

    public ILogger CreateLogger(string categoryName) => _factory.CreateLogger(categoryName);

    public void Dispose()
    {
    }
}
