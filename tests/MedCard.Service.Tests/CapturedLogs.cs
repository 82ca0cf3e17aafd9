using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace MedCard.Service.Tests;

/// <summary>Every log entry the served app writes (level, category, message, exception type), for tests that what a caller
/// sends wrong is answered and not logged as a failure of the service.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(LogLevel Level, string Category, string Message)> _entries = new();

    /// <summary>The entries at <paramref name="level"/> or above, one line each.</summary>
    public IReadOnlyList<string> AtLeast(LogLevel level) =>
        _entries.Where(e => e.Level >= level).Select(e => e.Level + " " + e.Category + ": " + e.Message).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue((logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : " [" + exception.GetType().Name + ": " + exception.Message + "]")));
    }
}
