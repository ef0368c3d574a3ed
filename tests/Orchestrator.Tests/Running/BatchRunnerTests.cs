using System.Collections.Concurrent;
using HybridAI.Orchestrator.Tests.Support;

namespace HybridAI.Orchestrator.Tests.Running;

public class BatchRunnerTests
{
    // Guards against a hang if the runner is broken; not a timing assertion.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Results_come_in_input_order_even_when_items_finish_in_reverse()
    {
        const int count = 5;
        var gates = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var done = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var started = new SemaphoreSlim(0);
        var finished = new ConcurrentQueue<int>();
        var wf = Workflow.Create<Ticket>("batch-order", "1.0")
            .Transform("wait", async (t, ct) =>
            {
                started.Release();
                await gates[t.Loops].Task.WaitAsync(ct);
                finished.Enqueue(t.Loops);
                done[t.Loops].SetResult();
            })
            .Build();

        var collecting = Collect(new WorkflowRunner().RunBatchAsync(wf, Inputs(count), new BatchOptions { MaxDegreeOfParallelism = count }));
        for (var i = 0; i < count; i++)
        {
            await started.WaitAsync(Guard);
        }
        for (var i = count - 1; i >= 0; i--)
        {
            gates[i].SetResult();
            await done[i].Task.WaitAsync(Guard);
        }
        var results = await collecting.WaitAsync(Guard);

        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.State.Loops));
        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(count, results.Select(r => r.RunId).Distinct().Count());
        Assert.Equal([4, 3, 2, 1, 0], finished);
    }

    [Fact]
    public async Task At_most_max_degree_of_parallelism_items_are_in_flight()
    {
        const int count = 10;
        const int limit = 3;
        var gates = Enumerable.Range(0, count).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var startedOrder = new ConcurrentQueue<int>();
        var started = new SemaphoreSlim(0);
        var inFlight = 0;
        var maxInFlight = 0;
        var wf = Workflow.Create<Ticket>("batch-bound", "1.0")
            .Transform("wait", async (t, ct) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref maxInFlight, now);
                startedOrder.Enqueue(t.Loops);
                started.Release();
                await gates[t.Loops].Task.WaitAsync(ct);
                Interlocked.Decrement(ref inFlight);
            })
            .Build();

        var collecting = Collect(new WorkflowRunner().RunBatchAsync(wf, Inputs(count), new BatchOptions { MaxDegreeOfParallelism = limit }));
        for (var i = 0; i < limit; i++)
        {
            await started.WaitAsync(Guard);
        }
        // Three are waiting at their gates; no fourth may start until one of them is let go.
        Assert.Equal(limit, Volatile.Read(ref inFlight));
        for (var released = 0; released < count; released++)
        {
            Assert.True(startedOrder.TryDequeue(out var next));
            gates[next].SetResult();
            if (released + limit < count)
            {
                await started.WaitAsync(Guard);
            }
            Assert.True(Volatile.Read(ref inFlight) <= limit);
        }
        var results = await collecting.WaitAsync(Guard);

        Assert.Equal(count, results.Count);
        Assert.Equal(limit, maxInFlight);
        Assert.Equal(Enumerable.Range(0, count), results.Select(r => r.State.Loops));
    }

    [Fact]
    public async Task A_failing_item_yields_a_failed_result_and_the_batch_goes_on()
    {
        var progress = new ListProgress<BatchProgress>();
        var wf = Workflow.Create<Ticket>("batch-fail", "1.0")
            .Transform("check", t =>
            {
                if (t.Loops == 2)
                {
                    throw new FormatException("bad row");
                }
                t.Reply = "ok";
            })
            .Gate("review", t => t.Loops == 4, (t, d) => { })
            .Build();

        var results = await Collect(new WorkflowRunner().RunBatchAsync(wf, Inputs(6), new BatchOptions { MaxDegreeOfParallelism = 2, Progress = progress }));

        Assert.Equal(6, results.Count);
        Assert.Equal(
            [RunStatus.Completed, RunStatus.Completed, RunStatus.Failed, RunStatus.Completed, RunStatus.Suspended, RunStatus.Completed],
            results.Select(r => r.Status));
        var failed = results[2];
        var error = Assert.IsType<WorkflowStepException>(failed.Error);
        Assert.Equal("batch-fail", error.WorkflowName);
        Assert.Equal("check", error.StepName);
        Assert.Equal(failed.RunId, error.RunId);
        Assert.Contains(failed.RunId, error.Message);
        Assert.Equal(6, progress.Reports.Count);
        Assert.Equal(new BatchProgress(4, 1, 1), progress.Reports.MaxBy(p => p.Total));
    }

    [Fact]
    public async Task Empty_input_gives_no_results()
    {
        var wf = Workflow.Create<Ticket>("batch-empty", "1.0").Transform("t", t => { }).Build();
        var results = await Collect(new WorkflowRunner().RunBatchAsync(wf, Inputs(0)));
        Assert.Empty(results);
    }

    [Fact]
    public async Task Cancelling_the_batch_stops_reading_inputs_and_throws()
    {
        using var cts = new CancellationTokenSource();
        var wf = Workflow.Create<Ticket>("batch-cancel", "1.0").Transform("t", t => t.Reply = "ok").Build();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var result in new WorkflowRunner().RunBatchAsync(wf, Inputs(int.MaxValue), new BatchOptions { MaxDegreeOfParallelism = 2 }, cts.Token))
            {
                if (++received == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(3, received);
    }

    private static async IAsyncEnumerable<Ticket> Inputs(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new Ticket { Loops = i, Text = $"ticket {i}" };
        }
    }

    private static async Task<List<RunResult<Ticket>>> Collect(IAsyncEnumerable<RunResult<Ticket>> results)
    {
        var list = new List<RunResult<Ticket>>();
        await foreach (var r in results)
        {
            list.Add(r);
        }
        return list;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
