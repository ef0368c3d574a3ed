using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Anomaly;

/// <summary>
/// Trains an <see cref="IsolationForest"/> on unlabelled rows (a label column, if the table names
/// one, is ignored). Missing numbers take the training mean; infinite numbers are rejected.
/// </summary>
/// <example>
/// <code>
/// var trainer = new IsolationForestTrainer(new IsolationForestOptions { Trees = 200, Seed = 7 });
/// IsolationForest forest = trainer.Train(transactions);
/// </code>
/// </example>
public sealed class IsolationForestTrainer
{
    /// <summary>Creates a trainer; null options mean the defaults (100 trees of 256 rows).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public IsolationForestTrainer(IsolationForestOptions? options = null)
    {
        Options = options ?? new IsolationForestOptions();
        Options.Validate();
    }

    /// <summary>The settings in use.</summary>
    public IsolationForestOptions Options { get; }

    /// <summary>Grows the forest and, when a contamination rate is set, its anomaly threshold.</summary>
    /// <exception cref="TabularDataException">The table has fewer than two rows, no feature columns, or an infinite number (the message names the column and row).</exception>
    public IsolationForest Train(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var featurizer = TabularFeaturizer.Fit(data, Options.Featurizer);
        var n = data.RowCount;
        if (n < 2)
        {
            throw new TabularDataException("an isolation forest needs at least two rows to learn from.");
        }

        var d = featurizer.Dimension;
        var x = ToFloats(featurizer.Transform(data), featurizer);
        var sampleSize = Math.Min(Options.SampleSize, n);
        var maxDepth = Options.MaxDepth ?? (int)Math.Ceiling(Math.Log2(sampleSize));
        var random = new Random(Options.Seed);
        var grower = new IsolationTreeGrower(x, d, maxDepth, random);
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var sample = new int[sampleSize];
        var roots = new int[Options.Trees];
        for (var t = 0; t < roots.Length; t++)
        {
            // Partial Fisher–Yates: the first sampleSize slots become a uniform draw without replacement.
            for (var k = 0; k < sampleSize; k++)
            {
                var pick = k + random.Next(n - k);
                (order[k], order[pick]) = (order[pick], order[k]);
            }

            order.AsSpan(0, sampleSize).CopyTo(sample);
            roots[t] = grower.Grow(sample);
        }

        var forest = new IsolationForest(featurizer, sampleSize, maxDepth, roots, [.. grower.Feature], [.. grower.Threshold], [.. grower.Left], [.. grower.Right], [.. grower.PathLength], null);
        if (Options.ContaminationForThreshold is { } rate)
        {
            var scores = new double[n];
            for (var i = 0; i < n; i++)
            {
                scores[i] = forest.Score(x.AsSpan(i * d, d));
            }

            forest = forest.WithThreshold(IsolationForest.ContaminationThreshold(scores, rate));
        }

        return forest;
    }

    /// <summary>Splits compare in float32, so values beyond its range would turn infinite; those are rejected.</summary>
    private static float[] ToFloats(double[] matrix, TabularFeaturizer featurizer)
    {
        var d = featurizer.Dimension;
        var x = new float[matrix.Length];
        for (var i = 0; i < matrix.Length; i++)
        {
            x[i] = (float)matrix[i];
            if (float.IsInfinity(x[i]))
            {
                throw new TabularDataException($"row {i / d} holds a number too large for float32 features; scale the column or turn on standardisation.", null, null, featurizer.FeatureNames[i % d]);
            }
        }

        return x;
    }
}
