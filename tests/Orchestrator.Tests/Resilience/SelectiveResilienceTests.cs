using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Orchestrator.Tests.Resilience;

/// <summary>Retries that only take the failures a predicate accepts, waits a failure asks for, and fallbacks that say why.</summary>
public class SelectiveResilienceTests
{
    private sealed class RefusedException(string message) : Exception(message);

    /// <summary>Keeps what step middleware saw of each step's fallback.</summary>
    private sealed class FallbackRecorder : IStepMiddleware
    {
        public List<(string Step, StepFallback? Fallback, string? Outcome)> Seen { get; } = [];

        public async ValueTask InvokeAsync(StepContext context, StepDelegate next)
        {
            await next(context);
            Seen.Add((context.StepName, context.Fallback, context.Outcome));
        }
    }

    [Fact]
    public async Task A_failure_the_predicate_rejects_is_not_retried()
    {
        var attempts = 0;
        var wf = Workflow.Create<Ticket>("selective", "1.0")
            .Transform("call", t => throw new RefusedException($"attempt {++attempts}"),
                o => o.WithRetry(3, TimeSpan.Zero, e => e is HttpRequestException))
            .Build();

        var result = await new WorkflowRunner(time: new FakeTimeProvider()).RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(1, attempts);
        Assert.IsType<RefusedException>(result.Error!.InnerException);
    }

    [Fact]
    public async Task A_failure_the_predicate_accepts_is_retried()
    {
        var attempts = 0;
        var wf = Workflow.Create<Ticket>("selective-ok", "1.0")
            .Transform("call", t =>
            {
                if (++attempts < 3)
                {
                    throw new HttpRequestException("transient");
                }
            }, o => o.WithRetry(3, TimeSpan.Zero, e => e is HttpRequestException, exponential: true, jitter: false))
            .Build();

        var result = await new WorkflowRunner(time: new FakeTimeProvider()).RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task The_wait_a_failure_asks_for_replaces_the_delay()
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        var firstFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wf = Workflow.Create<Ticket>("retry-after", "1.0")
            .Transform("call", t =>
            {
                if (++attempts == 1)
                {
                    firstFailed.SetResult();
                    throw new HttpRequestException("slow down");
                }
            }, o => o.WithRetry(2, TimeSpan.Zero, _ => true, retryAfter: _ => TimeSpan.FromMinutes(10), jitter: false))
            .Build();

        var run = new WorkflowRunner(time: time).RunAsync(wf, new Ticket());
        await firstFailed.Task;
        // With the step's own delay (zero) the retry would already be under way; it waits the ten minutes asked for.
        time.Advance(TimeSpan.FromMinutes(9));
        await Task.Yield();
        Assert.Equal(1, attempts);
        while (!run.IsCompleted)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Yield();
        }

        Assert.Equal(RunStatus.Completed, (await run).Status);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_failure_the_fallback_filter_rejects_fails_the_step()
    {
        var fallbacks = 0;
        var wf = Workflow.Create<Ticket>("filtered", "1.0")
            .Transform("call", t => throw new RefusedException("key refused"), o => o
                .WithFallback((t, ex, ct) => { fallbacks++; return default; }, when: e => e is not RefusedException))
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(0, fallbacks);
        Assert.IsType<RefusedException>(result.Error!.InnerException);
    }

    [Fact]
    public async Task Middleware_sees_why_the_step_fell_back_and_after_how_many_attempts()
    {
        var recorder = new FallbackRecorder();
        var wf = Workflow.Create<Ticket>("reason", "1.0")
            .Use(recorder)
            .Transform("draft", t => throw new HttpRequestException("down"), o => o
                .WithRetry(3, TimeSpan.Zero, e => e is HttpRequestException)
                .WithFallback((t, ex, ct) => { t.Reply = "template"; return default; }, reason: e => "service down (" + e.GetType().Name + ")"))
            .Transform("send", t => t.Trail.Add("sent"))
            .Build();

        var result = await new WorkflowRunner(time: new FakeTimeProvider()).RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal("template", result.State.Reply);
        var (step, fallback, outcome) = recorder.Seen[0];
        Assert.Equal("draft", step);
        Assert.Equal("service down (HttpRequestException)", fallback!.Reason);
        Assert.Equal(3, fallback.Attempts);
        Assert.IsType<HttpRequestException>(fallback.Error);
        Assert.Equal("fallback after service down (HttpRequestException)", outcome);
        Assert.Equal("fallback after service down (HttpRequestException)", result.Steps[0].Outcome);
        Assert.Null(recorder.Seen[1].Fallback);
    }

    [Fact]
    public async Task Without_a_reason_the_outcome_names_the_exception_type_and_one_attempt()
    {
        var recorder = new FallbackRecorder();
        var wf = Workflow.Create<Ticket>("no-reason", "1.0")
            .Use(recorder)
            .Transform("draft", t => throw new TimeoutException(), o => o.WithFallback((t, ex, ct) => default))
            .Build();

        await new WorkflowRunner().RunAsync(wf, new Ticket());

        Assert.Equal("TimeoutException", recorder.Seen[0].Fallback!.Reason);
        Assert.Equal(1, recorder.Seen[0].Fallback!.Attempts);
        Assert.Equal("fallback after TimeoutException", recorder.Seen[0].Outcome);
    }
}
