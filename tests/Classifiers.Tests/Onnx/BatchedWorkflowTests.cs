using System.Collections.Concurrent;
using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Tabular;
using HybridAI.Orchestrator;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace HybridAI.Classifiers.Tests.Onnx;

/// <summary>
/// <see cref="OnnxClassifier"/> in a batch workflow whose classify step batches: far fewer ONNX Runtime runs than items,
/// each item's answer as if it ran alone. The clock is fake and never advanced, so a run that completes never waited.
/// </summary>
public sealed class BatchedWorkflowTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [OnnxRuntimeFact]
    public async Task A_batch_run_of_64_items_at_parallelism_16_makes_few_runtime_calls_and_matches_one_by_one()
    {
        var (onnx, rows) = Model(64);
        using var _ = onnx;
        var counting = new CountingClassifier(onnx);
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(Workflow(counting), Inputs(rows), new BatchOptions { MaxDegreeOfParallelism = 16 })).WaitAsync(Guard);

        output.WriteLine($"{counting.Calls} ORT runs for {rows.Length} items; batch sizes {string.Join(",", counting.BatchSizes)}");
        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.True(counting.Calls <= rows.Length / 4, $"{counting.Calls} ORT runs for {rows.Length} items");
        for (var i = 0; i < rows.Length; i++)
        {
            var alone = onnx.Classify(rows[i]);
            Assert.Equal(i, results[i].State.Index);
            Assert.Equal(alone.Label, results[i].State.Label);
            Assert.Equal(alone.Probabilities, results[i].State.Probabilities);
        }
    }

    [OnnxRuntimeFact]
    public async Task A_row_the_runtime_rejects_fails_alone_and_its_micro_batch_completes()
    {
        var (onnx, rows) = Model(16);
        using var _ = onnx;
        rows[7] = rows[7][..^1];
        var counting = new CountingClassifier(onnx);
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(Workflow(counting), Inputs(rows), new BatchOptions { MaxDegreeOfParallelism = 16 })).WaitAsync(Guard);

        var failed = Assert.Single(results, r => r.Status == RunStatus.Failed);
        Assert.Equal(7, failed.State.Index);
        Assert.Equal(15, results.Count(r => r.Status == RunStatus.Completed));
        Assert.All(results.Where(r => r.Status == RunStatus.Completed), r => Assert.Equal(onnx.Classify(rows[r.State.Index]).Probabilities, r.State.Probabilities));
    }

    [OnnxRuntimeFact]
    public async Task With_parallelism_1_every_item_runs_alone_without_waiting()
    {
        var (onnx, rows) = Model(6);
        using var _ = onnx;
        var counting = new CountingClassifier(onnx);
        var runner = new WorkflowRunner(time: new FakeTimeProvider());

        var results = await Collect(runner.RunBatchAsync(Workflow(counting), Inputs(rows), new BatchOptions { MaxDegreeOfParallelism = 1 })).WaitAsync(Guard);

        Assert.All(results, r => Assert.Equal(RunStatus.Completed, r.Status));
        Assert.Equal(rows.Length, counting.SingleCalls);
        Assert.Empty(counting.BatchSizes);
    }

    private static (OnnxClassifier Onnx, float[][] Rows) Model(int count)
    {
        var data = SyntheticLoans.Make(200, seed: 5);
        var model = new TabularLogisticRegressionTrainer().Train(data);
        var onnx = OnnxClassifier.FromBytes(OnnxExporter.Export(model));
        var d = model.Featurizer.Dimension;
        var features = OrtScoring.Features(model, data);
        return (onnx, [.. Enumerable.Range(0, count).Select(r => features.AsSpan(r * d, d).ToArray())]);
    }

    private static Workflow<LoanRow> Workflow(IBatchClassifier<float[]> classifier) =>
        HybridAI.Orchestrator.Workflow.Create<LoanRow>("loan-risk", "1.0")
            .Classify("risk", classifier, r => r.Features, (r, c) =>
            {
                r.Label = c.Label;
                r.Probabilities = [.. c.Probabilities];
            }, configure: s => s.WithBatching(maxBatchSize: 32, maxWait: TimeSpan.FromHours(1)))
            .Build();

    private static async IAsyncEnumerable<LoanRow> Inputs(float[][] rows)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            await Task.Yield();
            yield return new LoanRow { Index = i, Features = rows[i] };
        }
    }

    private static async Task<List<RunResult<LoanRow>>> Collect(IAsyncEnumerable<RunResult<LoanRow>> results)
    {
        var list = new List<RunResult<LoanRow>>();
        await foreach (var r in results)
        {
            list.Add(r);
        }

        return list;
    }

    public sealed class LoanRow
    {
        public int Index { get; set; }
        public float[] Features { get; set; } = [];
        public string? Label { get; set; }
        public double[] Probabilities { get; set; } = [];
    }

    /// <summary>Counts the ONNX Runtime runs: one per batched call, one per single call.</summary>
    private sealed class CountingClassifier(OnnxClassifier inner) : IBatchClassifier<float[]>
    {
        private int _single;

        public IReadOnlyList<string> Labels => inner.Labels;

        public ConcurrentQueue<int> BatchSizes { get; } = new();

        public int SingleCalls => Volatile.Read(ref _single);

        public int Calls => BatchSizes.Count + SingleCalls;

        public Classification Classify(float[] input)
        {
            Interlocked.Increment(ref _single);
            return inner.Classify(input);
        }

        public IReadOnlyList<Classification> Classify(IReadOnlyList<float[]> inputs)
        {
            BatchSizes.Enqueue(inputs.Count);
            return inner.Classify(inputs);
        }
    }
}
