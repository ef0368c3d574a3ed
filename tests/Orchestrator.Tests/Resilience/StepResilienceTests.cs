using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HybridAI.Orchestrator.Tests.Resilience;

public class StepResilienceTests
{
    [Fact]
    public async Task Retry_runs_a_step_that_fails_twice_three_times()
    {
        var attempts = 0;
        var wf = Workflow.Create<Ticket>("retry", "1.0")
            .Transform("flaky", t =>
            {
                if (++attempts < 3)
                {
                    throw new HttpRequestException("transient");
                }
                t.Reply = "ok";
            }, o => o.WithRetry(3, TimeSpan.Zero, jitter: false))
            .Build();

        var result = await new WorkflowRunner(time: new FakeTimeProvider()).RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(3, attempts);
        Assert.Equal("ok", result.State.Reply);
    }

    [Fact]
    public async Task Retry_gives_up_after_max_attempts()
    {
        var attempts = 0;
        var wf = Workflow.Create<Ticket>("retry-out", "1.0")
            .Transform("down", t => throw new HttpRequestException($"attempt {++attempts}"), o => o.WithRetry(2, TimeSpan.Zero))
            .Build();

        var result = await new WorkflowRunner(time: new FakeTimeProvider()).RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(2, attempts);
        Assert.IsType<HttpRequestException>(result.Error!.InnerException);
    }

    [Fact]
    public async Task Retry_waits_its_delay_on_the_runner_clock()
    {
        var time = new FakeTimeProvider();
        var attempts = 0;
        var firstFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wf = Workflow.Create<Ticket>("retry-delay", "1.0")
            .Transform("flaky", t =>
            {
                if (++attempts == 1)
                {
                    firstFailed.SetResult();
                    throw new HttpRequestException("transient");
                }
            }, o => o.WithRetry(2, TimeSpan.FromMinutes(5), jitter: false))
            .Build();

        var run = new WorkflowRunner(time: time).RunAsync(wf, new Ticket());
        await firstFailed.Task;
        Assert.False(run.IsCompleted);
        Assert.Equal(1, attempts);
        // The retry's timer is registered right after the failure; advancing the clock releases it.
        while (!run.IsCompleted)
        {
            time.Advance(TimeSpan.FromMinutes(5));
            await Task.Yield();
        }

        var result = await run;
        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Timeout_rejects_a_step_still_waiting_when_the_clock_passes_it()
    {
        var time = new FakeTimeProvider();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wf = Workflow.Create<Ticket>("timeout", "1.0")
            .Transform("slow", async (t, ct) =>
            {
                entered.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }, o => o.WithTimeout(TimeSpan.FromSeconds(2)))
            .Build();

        var run = new WorkflowRunner(time: time).RunAsync(wf, new Ticket());
        await entered.Task;
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1.5));
        var result = await run;

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.IsType<TimeoutRejectedException>(result.Error!.InnerException);
        Assert.Equal("slow", result.Error.StepName);
    }

    [Fact]
    public async Task Timeout_then_fallback_completes_the_run()
    {
        var time = new FakeTimeProvider();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Exception? seen = null;
        var wf = Workflow.Create<Ticket>("timeout-fallback", "1.0")
            .Transform("llm-draft", async (t, ct) =>
            {
                entered.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            }, o => o
                .WithTimeout(TimeSpan.FromSeconds(2))
                .WithFallback((t, ex, ct) =>
                {
                    seen = ex;
                    t.Reply = "template reply";
                    return default;
                }))
            .Transform("send", t => t.Trail.Add("sent"))
            .Build();

        var run = new WorkflowRunner(time: time).RunAsync(wf, new Ticket());
        await entered.Task;
        time.Advance(TimeSpan.FromSeconds(3));
        var result = await run;

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal("template reply", result.State.Reply);
        Assert.Equal(["sent"], result.State.Trail);
        Assert.IsType<TimeoutRejectedException>(seen);
        Assert.Equal("fallback after TimeoutRejectedException", result.Steps[0].Outcome);
    }

    [Fact]
    public async Task Fallback_runs_only_after_the_last_retry_fails()
    {
        var attempts = 0;
        var fallbacks = 0;
        var wf = Workflow.Create<Ticket>("fallback", "1.0")
            .Transform("draft", t => throw new HttpRequestException($"attempt {++attempts}"), o => o
                .WithRetry(3, TimeSpan.Zero)
                .WithFallback((t, ex, ct) =>
                {
                    fallbacks++;
                    t.Reply = $"fallback after {attempts}";
                    return default;
                }))
            .Build();

        var result = await new WorkflowRunner(time: new FakeTimeProvider()).RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(1, fallbacks);
        Assert.Equal("fallback after 3", result.State.Reply);
    }

    [Fact]
    public async Task Fallback_is_not_used_when_the_step_succeeds()
    {
        var wf = Workflow.Create<Ticket>("no-fallback", "1.0")
            .Transform("draft", t => t.Reply = "model reply", o => o.WithFallback((t, ex, ct) => { t.Reply = "template"; return default; }))
            .Build();
        var result = await new WorkflowRunner().RunAsync(wf, new Ticket());
        Assert.Equal("model reply", result.State.Reply);
        Assert.Null(result.Steps[0].Outcome);
    }

    [Fact]
    public async Task Circuit_breaker_opens_rejects_calls_and_closes_after_break_duration()
    {
        var time = new FakeTimeProvider();
        var calls = 0;
        var healthy = false;
        var wf = Workflow.Create<Ticket>("breaker", "1.0")
            .Transform("remote", t =>
            {
                calls++;
                if (!healthy)
                {
                    throw new HttpRequestException("down");
                }
            }, o => o.WithCircuitBreaker(0.5, minimumThroughput: 2, samplingDuration: TimeSpan.FromSeconds(30), breakDuration: TimeSpan.FromSeconds(60)))
            .Build();
        var runner = new WorkflowRunner(time: time);

        var first = await runner.RunAsync(wf, new Ticket());
        var second = await runner.RunAsync(wf, new Ticket());
        var rejected = await runner.RunAsync(wf, new Ticket());

        Assert.IsType<HttpRequestException>(first.Error!.InnerException);
        Assert.IsType<HttpRequestException>(second.Error!.InnerException);
        Assert.IsType<BrokenCircuitException>(rejected.Error!.InnerException);
        Assert.Equal(2, calls);

        healthy = true;
        time.Advance(TimeSpan.FromSeconds(30));
        var stillOpen = await runner.RunAsync(wf, new Ticket());
        Assert.IsType<BrokenCircuitException>(stillOpen.Error!.InnerException);
        Assert.Equal(2, calls);

        time.Advance(TimeSpan.FromSeconds(31));
        var closed = await runner.RunAsync(wf, new Ticket());
        Assert.Equal(RunStatus.Completed, closed.Status);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task Circuit_breaker_state_is_per_workflow_instance()
    {
        var time = new FakeTimeProvider();
        Workflow<Ticket> Build() => Workflow.Create<Ticket>("breaker-each", "1.0")
            .Transform("remote", t => throw new HttpRequestException("down"),
                o => o.WithCircuitBreaker(0.5, 2, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)))
            .Build();
        var runner = new WorkflowRunner(time: time);
        var a = Build();
        var b = Build();

        await runner.RunAsync(a, new Ticket());
        await runner.RunAsync(a, new Ticket());
        var aThird = await runner.RunAsync(a, new Ticket());
        var bFirst = await runner.RunAsync(b, new Ticket());

        Assert.IsType<BrokenCircuitException>(aThird.Error!.InnerException);
        Assert.IsType<HttpRequestException>(bFirst.Error!.InnerException);
    }

    [Fact]
    public async Task Custom_polly_strategies_can_be_added()
    {
        var attempts = 0;
        var wf = Workflow.Create<Ticket>("custom", "1.0")
            .Transform("flaky", t =>
            {
                if (++attempts < 2)
                {
                    throw new HttpRequestException("once");
                }
            }, o => o.WithResilience(b => Polly.RetryResiliencePipelineBuilderExtensions.AddRetry(b, new Polly.Retry.RetryStrategyOptions { MaxRetryAttempts = 1, Delay = TimeSpan.Zero })))
            .Build();

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket());

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(2, attempts);
    }
}
