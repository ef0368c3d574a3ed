using System.Collections.Concurrent;

namespace HybridAI.Orchestrator.Tests.Support;

/// <summary>Step and run middleware that write what they see into a shared list.</summary>
public sealed class RecordingMiddleware(string name, ConcurrentQueue<string> log) : IStepMiddleware, IRunMiddleware
{
    public async ValueTask InvokeAsync(StepContext context, StepDelegate next)
    {
        log.Enqueue($"{name}>{context.StepName}");
        await next(context);
        log.Enqueue($"{name}<{context.StepName}:{context.Outcome}");
    }

    public async ValueTask InvokeAsync(RunContext context, RunDelegate next)
    {
        log.Enqueue($"{name}>run");
        await next(context);
        log.Enqueue($"{name}<run");
    }
}

/// <summary>Records reports synchronously (Progress&lt;T&gt; would post them later).</summary>
public sealed class ListProgress<T> : IProgress<T>
{
    private readonly Lock _gate = new();

    public List<T> Reports { get; } = [];

    public void Report(T value)
    {
        lock (_gate)
        {
            Reports.Add(value);
        }
    }
}
