using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Odoo.Extensions.DependencyInjection.Tests;

/// <summary>A logger provider that keeps every event (category, id, level, formatted message, exception text).</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public sealed record Entry(string Category, EventId Id, LogLevel Level, string Message, Exception? Exception, IReadOnlyList<KeyValuePair<string, object?>> State)
    {
        public object? this[string name] => State.FirstOrDefault(p => p.Key == name).Value;

        public string AllText => Message + " " + Exception + " " + string.Join(" ", State.Select(p => $"{p.Key}={p.Value}"));
    }

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IReadOnlyList<Entry> Odoo => [.. _entries.Where(e => e.Category == Diagnostics.OdooTelemetry.LoggerCategory)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var pairs = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner._entries.Enqueue(new Entry(category, eventId, logLevel, formatter(state, exception), exception, pairs));
        }
    }
}
