using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ParIndex.RulesEngine.Hosting.Tests;

/// <summary>One log entry: level, formatted text and the structured fields.</summary>
internal sealed record LogEntry(LogLevel Level, string Text, IReadOnlyDictionary<string, object?> Fields);

/// <summary>Keeps every log entry of a host, for tests that check what was logged.</summary>
internal sealed class CollectingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(CollectingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IReadOnlyList<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value)
                : new Dictionary<string, object?>();
            owner.Entries.Enqueue(new LogEntry(logLevel, formatter(state, exception), fields));
        }
    }
}
