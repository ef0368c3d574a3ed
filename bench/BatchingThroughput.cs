using System.Diagnostics;
using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tabular;
using HybridAI.Orchestrator;

namespace HybridAI.Benchmarks;

/// <summary>
/// Items/s of a batch run whose only step classifies with an <see cref="OnnxClassifier"/> (German Credit models
/// exported to ONNX, run in ONNX Runtime), with the step batching (<c>WithBatching(32, 2 ms)</c>) and without.
/// The same rows, parallelism and runner either way; the ratio is what coalescing items into one ORT run buys.
/// Each figure is the median of <see cref="Rounds"/> alternating runs, so a noisy neighbour skews neither side alone.
/// </summary>
internal static class BatchingThroughput
{
    private const string GermanCredit = "/usr/share/doc/weka/examples/credit-g.arff";
    private const int Items = 20_000;
    private const int Rounds = 5;

    public static async Task RunAsync()
    {
        if (!File.Exists(GermanCredit))
        {
            Console.WriteLine($"batching: skipped, {GermanCredit} is missing (eng/setup-system.sh installs it)");
            return;
        }

        var credit = ArffReader.ReadFile(GermanCredit, "class");
        foreach (var (name, trainer) in new (string, ITabularTrainer)[]
        {
            ("LR", new TabularLogisticRegressionTrainer()),
            ("GBDT (100 trees, depth 3)", new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 42 })),
        })
        {
            var model = trainer.Train(credit);
            using var onnx = OnnxClassifier.FromBytes(OnnxExporter.Export(model));
            var d = model.Featurizer.Dimension;
            var features = model.Featurizer.Transform(credit);
            var rows = Enumerable.Range(0, credit.RowCount)
                .Select(r => Array.ConvertAll(features.AsSpan(r * d, d).ToArray(), v => (float)v)).ToArray();

            foreach (var parallelism in new[] { 4, 16, 64 })
            {
                var counting = new CountingClassifier(onnx);
                var unbatchedFlow = Build(onnx, batching: false);
                var batchedFlow = Build(counting, batching: true);
                var plainRuns = new double[Rounds];
                var batchedRuns = new double[Rounds];
                for (var round = 0; round < Rounds; round++)
                {
                    plainRuns[round] = await ItemsPerSecondAsync(unbatchedFlow, rows, parallelism).ConfigureAwait(false);
                    batchedRuns[round] = await ItemsPerSecondAsync(batchedFlow, rows, parallelism).ConfigureAwait(false);
                }

                var plain = Median(plainRuns);
                var batched = Median(batchedRuns);
                Console.WriteLine($"ONNX {name}, batch run of {Items:N0} items at parallelism {parallelism}: " +
                    $"unbatched {plain:N0} items/s, batched {batched:N0} items/s (mean micro-batch {counting.MeanBatch:F1}), ratio {batched / plain:F2}x");
            }
        }
    }

    private static Workflow<Row> Build(IBatchClassifier<float[]> classifier, bool batching) =>
        Workflow.Create<Row>("credit-risk", "1.0")
            .Classify("risk", classifier, r => r.Features, (r, c) => r.Label = c.Label,
                configure: batching ? s => s.WithBatching(maxBatchSize: 32, maxWait: TimeSpan.FromMilliseconds(2)) : null)
            .Build();

    private static async Task<double> ItemsPerSecondAsync(Workflow<Row> workflow, float[][] rows, int parallelism)
    {
        var runner = new WorkflowRunner();
        var options = new BatchOptions { MaxDegreeOfParallelism = parallelism };
        await CountAsync(runner.RunBatchAsync(workflow, Inputs(rows, 2_000), options)).ConfigureAwait(false);
        var sw = Stopwatch.StartNew();
        var done = await CountAsync(runner.RunBatchAsync(workflow, Inputs(rows, Items), options)).ConfigureAwait(false);
        return done / sw.Elapsed.TotalSeconds;
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        return values[values.Length / 2];
    }

    private static async Task<int> CountAsync(IAsyncEnumerable<RunResult<Row>> results)
    {
        var completed = 0;
        await foreach (var r in results.ConfigureAwait(false))
        {
            completed += r.Status == RunStatus.Completed ? 1 : throw new InvalidOperationException($"item failed: {r.Error?.InnerException?.Message}");
        }

        return completed;
    }

    private static async IAsyncEnumerable<Row> Inputs(float[][] rows, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return new Row { Features = rows[i % rows.Length] };
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>Counts ORT runs, for the mean micro-batch size.</summary>
    private sealed class CountingClassifier(OnnxClassifier inner) : IBatchClassifier<float[]>
    {
        private long _calls;
        private long _items;

        public IReadOnlyList<string> Labels => inner.Labels;

        public double MeanBatch => Interlocked.Read(ref _items) / (double)Math.Max(1, Interlocked.Read(ref _calls));

        public Classification Classify(float[] input)
        {
            Count(1);
            return inner.Classify(input);
        }

        public IReadOnlyList<Classification> Classify(IReadOnlyList<float[]> inputs)
        {
            Count(inputs.Count);
            return inner.Classify(inputs);
        }

        private void Count(int items)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _items, items);
        }
    }

    public sealed class Row
    {
        public float[] Features { get; set; } = [];
        public string? Label { get; set; }
    }
}
