using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Orchestrator.Tests.Running;

/// <summary>
/// Classify and score steps with <c>WithBatching</c>. Time is a fake clock that no test advances unless it says so:
/// a run that completes without it never waited on the max wait.
/// </summary>
public class BatchingStepTests
{
    // Guards against a hang if the batcher is broken; not a timing assertion.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongWait = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_batch_run_makes_far_fewer_model_calls_than_items_and_every_result_equals_the_unbatched_one()
    {
        var model = new CountingBatchClassifier();
        var wf = Triage(model, s => s.WithBatching(maxBatchSize: 32, maxWait: LongWait));
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(wf, Inputs(64), new BatchOptions { MaxDegreeOfParallelism = 16 })).WaitAsync(Guard);

        Assert.Equal(64, results.Count);
        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(64, model.BatchSizes.Sum() + model.SingleCalls);
        Assert.True(model.Calls <= 64 / 4, $"{model.Calls} model calls for 64 items (batches: {string.Join(",", model.BatchSizes)})");
        Assert.All(model.BatchSizes, size => Assert.InRange(size, 2, 16));
        for (var i = 0; i < results.Count; i++)
        {
            var expected = model.Expected(TextOf(i));
            Assert.Equal(TextOf(i), results[i].State.Text);
            Assert.Equal(expected.Label, results[i].State.Category);
            Assert.Equal(expected.Confidence, results[i].State.Confidence);
        }
    }

    [Fact]
    public async Task Score_steps_batch_the_same_way()
    {
        var model = new CountingBatchClassifier();
        var wf = Workflow.Create<Ticket>("score-batch", "1.0")
            .Score("urgency", model, t => t.Text, (t, s) => t.Urgency = s, configure: s => s.WithBatching(8, LongWait))
            .Build();
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(wf, Inputs(32), new BatchOptions { MaxDegreeOfParallelism = 8 })).WaitAsync(Guard);

        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.True(model.Calls <= 32 / 4, $"{model.Calls} model calls for 32 items");
        Assert.Equal(Enumerable.Range(0, 32).Select(i => model.ExpectedScore(TextOf(i))), results.Select(r => r.State.Urgency));
    }

    [Fact]
    public async Task Two_batching_steps_in_one_workflow_never_wait_on_each_other()
    {
        var model = new CountingBatchClassifier();
        var scorer = new CountingBatchClassifier();
        var wf = Workflow.Create<Ticket>("two-batchers", "1.0")
            .Classify("classify", model, t => t.Text, (t, c) => t.Category = c.Label, configure: s => s.WithBatching(32, LongWait))
            .Transform("between", t => t.Trail.Add("between"))
            .Score("urgency", scorer, t => t.Text, (t, s) => t.Urgency = s, configure: s => s.WithBatching(32, LongWait))
            .Build();
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(wf, Inputs(48), new BatchOptions { MaxDegreeOfParallelism = 12 })).WaitAsync(Guard);

        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.True(model.Calls <= 48 / 4 && scorer.Calls <= 48 / 4, $"{model.Calls} classify and {scorer.Calls} score calls for 48 items");
        Assert.Equal(Enumerable.Range(0, 48).Select(i => model.ExpectedScore(TextOf(i))), results.Select(r => r.State.Urgency));
    }

    [Fact]
    public async Task With_parallelism_1_no_item_waits()
    {
        var model = new CountingBatchClassifier();
        var wf = Triage(model, s => s.WithBatching(32, LongWait));
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(wf, Inputs(5), new BatchOptions { MaxDegreeOfParallelism = 1 })).WaitAsync(Guard);

        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(5, model.SingleCalls);
        Assert.Empty(model.BatchSizes);
    }

    [Fact]
    public async Task The_online_runner_calls_the_model_directly()
    {
        var model = new CountingBatchClassifier();
        var wf = Triage(model, s => s.WithBatching(32, LongWait));
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var result = await runner.RunAsync(wf, new Ticket { Text = "I want a refund" }).WaitAsync(Guard);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal("billing", result.State.Category);
        Assert.Equal(1, model.SingleCalls);
    }

    [Fact]
    public async Task Fewer_items_than_slots_go_as_soon_as_the_input_ends()
    {
        var model = new CountingBatchClassifier();
        var wf = Triage(model, s => s.WithBatching(32, LongWait));
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(wf, Inputs(3), new BatchOptions { MaxDegreeOfParallelism = 16 })).WaitAsync(Guard);

        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(3, model.BatchSizes.Sum() + model.SingleCalls);
    }

    [Fact]
    public async Task A_failing_item_fails_alone_and_the_rest_of_its_micro_batch_completes()
    {
        var model = new CountingBatchClassifier();
        var wf = Triage(model, s => s.WithBatching(32, LongWait));
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(wf, Inputs(16, bad: 5), new BatchOptions { MaxDegreeOfParallelism = 16 })).WaitAsync(Guard);

        var failed = Assert.Single(results, r => r.Status == RunStatus.Failed);
        Assert.Equal(5, failed.State.Loops);
        Assert.Equal("classify", failed.Error!.StepName);
        Assert.IsType<ArgumentException>(failed.Error.InnerException);
        Assert.Equal(15, results.Count(r => r.Status == RunStatus.Completed));
        Assert.All(results.Where(r => r.Status == RunStatus.Completed), r => Assert.Equal(model.Expected(r.State.Text).Label, r.State.Category));
        Assert.True(model.BatchSizes.Count < 16, "the items were batched before the failure sent them one by one");
    }

    [Fact]
    public async Task A_micro_batch_waiting_for_a_straggler_goes_after_max_wait_on_the_runners_clock()
    {
        var model = new CountingBatchClassifier();
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var time = new TimerSignallingTimeProvider();
        var wf = Workflow.Create<Ticket>("straggler", "1.0")
            .Transform("hold", async (t, ct) =>
            {
                if (t.Loops == 0)
                {
                    await hold.Task.WaitAsync(ct);
                }
            })
            .Classify("classify", model, t => t.Text, (t, c) => t.Category = c.Label,
                configure: s => s.WithBatching(32, TimeSpan.FromMilliseconds(5)))
            .Build();
        var runner = new WorkflowRunner(time: time);

        var collecting = Collect(runner.RunBatchAsync(wf, Inputs(4), new BatchOptions { MaxDegreeOfParallelism = 4 }));
        // Items 1-3 wait for item 0, which is held before the step: only the clock lets them go.
        while (model.BatchSizes.Sum() + model.SingleCalls < 3)
        {
            Assert.True(await time.TimersCreated.WaitAsync(Guard), "a micro-batch started its max-wait timer");
            time.Fake.Advance(TimeSpan.FromMilliseconds(5));
        }

        Assert.False(collecting.IsCompleted);
        hold.SetResult();
        var results = await collecting.WaitAsync(Guard);
        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(4, model.BatchSizes.Sum() + model.SingleCalls);
    }

    [Fact]
    public async Task Cancelling_the_batch_releases_items_waiting_in_a_micro_batch()
    {
        var model = new CountingBatchClassifier();
        var time = new TimerSignallingTimeProvider();
        var wf = Workflow.Create<Ticket>("cancel-batch", "1.0")
            .Transform("hold", async (t, ct) =>
            {
                if (t.Loops == 0)
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
            })
            .Classify("classify", model, t => t.Text, (t, c) => t.Category = c.Label, configure: s => s.WithBatching(32, LongWait))
            .Build();
        using var cts = new CancellationTokenSource();
        var collecting = Collect(new WorkflowRunner(time: time).RunBatchAsync(wf, Inputs(4), new BatchOptions { MaxDegreeOfParallelism = 4 }, cts.Token));

        Assert.True(await time.TimersCreated.WaitAsync(Guard), "an item is waiting in a micro-batch");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collecting.WaitAsync(Guard));
    }

    [Fact]
    public void Batching_a_model_without_a_batch_contract_or_a_step_that_cannot_batch_is_refused_at_build()
    {
        var plain = new KeywordClassifier(("billing", "refund"));
        var noContract = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("no-contract", "1.0")
            .Classify("classify", plain, t => t.Text, (t, c) => t.Category = c.Label, configure: s => s.WithBatching())
            .Build());
        Assert.Contains("IBatchClassifier", noContract.Message, StringComparison.Ordinal);

        var transform = Assert.Throws<WorkflowValidationException>(() => Workflow.Create<Ticket>("no-batch", "1.0")
            .Transform("t", t => t.Loops++, configure: s => s.WithBatching())
            .Build());
        Assert.Contains("'t'", transform.Message, StringComparison.Ordinal);

        var model = new CountingBatchClassifier();
        Assert.Throws<WorkflowValidationException>(() => Triage(model, s => s.WithBatching(maxBatchSize: 0)));
        Assert.Throws<WorkflowValidationException>(() => Triage(model, s => s.WithBatching(maxWait: TimeSpan.FromMilliseconds(-1))));
    }

    private static Workflow<Ticket> Triage(CountingBatchClassifier model, Action<StepOptions<Ticket>> configure) =>
        Workflow.Create<Ticket>("batch-triage", "1.0")
            .Classify("classify", model, t => t.Text, (t, c) =>
            {
                t.Category = c.Label;
                t.Confidence = c.Confidence;
            }, configure: configure)
            .Transform("after", t => t.Trail.Add(t.Category!))
            .Build();

    private static string TextOf(int i) => (i % 3) switch
    {
        0 => $"ticket {i}: I want a refund",
        1 => $"ticket {i}: the app crashes",
        _ => $"ticket {i}: hello",
    };

    private static async IAsyncEnumerable<Ticket> Inputs(int count, int bad = -1)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            yield return new Ticket { Loops = i, Text = i == bad ? $"ticket {i}: boom" : TextOf(i) };
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
}
