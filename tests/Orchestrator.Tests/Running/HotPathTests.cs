using HybridAI.Orchestrator.Tests.Telemetry;

namespace HybridAI.Orchestrator.Tests.Running;

/// <summary>The cheap path: trivial steps, one no-op middleware, nobody listening. Counts bytes, not time.</summary>
[Collection(GlobalListenersCollection.Name)]
public class HotPathTests
{
    [Fact]
    public async Task A_four_step_run_allocates_only_its_per_run_objects()
    {
        var wf = Workflow.Create<Counter>("hot", "1.0")
            .Transform("a", c => c.N++)
            .Transform("b", c => c.N++)
            .Transform("c", c => c.N++)
            .Transform("d", c => c.N++)
            .Use(new NoOpMiddleware())
            .Build();
        var runner = new WorkflowRunner();
        var state = new Counter();
        for (var i = 0; i < 100; i++)
        {
            await runner.RunAsync(wf, state);
        }

        const int runs = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            var task = runner.RunAsync(wf, state);
            Assert.True(task.IsCompletedSuccessfully);
        }
        var perRun = (GC.GetAllocatedBytesForCurrentThread() - before) / runs;

        Assert.Equal(1100 * 4, state.N);
        // Run scope, step scope, timings list, result, run id and task: about 600 bytes; nothing per step or per middleware call.
        Assert.InRange(perRun, 1, 1024);
    }

    private sealed class Counter
    {
        public int N { get; set; }
    }

    private sealed class NoOpMiddleware : IStepMiddleware
    {
        public ValueTask InvokeAsync(StepContext context, StepDelegate next) => next(context);
    }
}
