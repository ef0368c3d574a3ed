using System.Collections.Concurrent;
using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.Logging;

namespace HybridAI.Orchestrator.Tests.Running;

public class RunnerLoggingTests
{
    [Fact]
    public async Task Failures_and_suspensions_are_logged_with_ids_but_without_personal_data()
    {
        var lines = new ConcurrentQueue<string>();
        using var logging = new CapturingLoggerFactory(lines);
        var runner = new WorkflowRunner(logging: logging);
        var failing = Workflow.Create<Ticket>("logged", "1.0")
            .Transform("explode", t => throw new InvalidOperationException($"bad ticket from {t.Text}"))
            .Build();
        var gated = Workflow.Create<Ticket>("logged-gate", "1.0").Gate("review", t => true, (t, d) => { }, t => t.Text).Build();

        var failed = await runner.RunAsync(failing, new Ticket { Text = "marie.curie@example.org" });
        var suspended = await runner.RunAsync(gated, new Ticket { Text = "marie.curie@example.org" });

        Assert.Contains(lines, l => l.Contains(failed.RunId, StringComparison.Ordinal) && l.Contains("explode", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(suspended.RunId, StringComparison.Ordinal) && l.Contains("review", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("marie", StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerFactory(ConcurrentQueue<string> lines) : ILoggerFactory, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider) { }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => lines.Enqueue(formatter(state, exception) + (exception is null ? string.Empty : " " + exception.Message));

        public void Dispose() { }
    }
}
