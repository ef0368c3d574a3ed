using System.Buffers;
using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Anomaly;

/// <summary>
/// An unsupervised anomaly scorer: an ensemble of random isolation trees. Unusual rows are cut off
/// from the rest after few random splits, so the score s(x) = 2^(−E[h(x)] / c(ψ)) is near 1 for
/// anomalies, about 0.5 or below for ordinary rows (h: path length, ψ: rows per tree).
/// Trees live in flat arrays with float32 thresholds (a row goes left when <c>(float)x &lt; threshold</c>),
/// and scoring one row allocates nothing.
/// </summary>
/// <example>
/// <code>
/// TabularData payments = CsvTableReader.ReadFile("payments.csv");
/// IsolationForest forest = new IsolationForestTrainer(new IsolationForestOptions { ContaminationForThreshold = 0.01 }).Train(payments);
/// double score = forest.Score(payments.Row(0));
/// if (forest.IsAnomaly(payments.Row(0))) { /* send to review */ }
/// using var file = File.Create("payments.iforest");
/// forest.Save(file);
/// </code>
/// </example>
public sealed partial class IsolationForest : IScorer<TabularRow>
{
    /// <summary>The model kind written to files.</summary>
    public const string KindName = "isolation-forest";

    private const int StackLimit = 256;

    internal IsolationForest(TabularFeaturizer featurizer, int sampleSize, int maxDepth, int[] roots, int[] feature, float[] threshold, int[] left, int[] right, double[] pathLength, double? anomalyThreshold)
    {
        Featurizer = featurizer;
        SampleSize = sampleSize;
        MaxDepth = maxDepth;
        Roots = roots;
        Feature = feature;
        Thresholds = threshold;
        Left = left;
        Right = right;
        PathLength = pathLength;
        Threshold = anomalyThreshold;
        Normalizer = AveragePathLength.Of(sampleSize);
    }

    /// <summary>Turns rows into the feature vector the trees split on.</summary>
    public TabularFeaturizer Featurizer { get; }

    /// <summary>Length of the feature vector <see cref="Score(ReadOnlySpan{float})"/> takes.</summary>
    public int Dimension => Featurizer.Dimension;

    /// <summary>How many trees the forest has.</summary>
    public int TreeCount => Roots.Length;

    /// <summary>Rows each tree was grown on (ψ); scores are normalised by c(ψ).</summary>
    public int SampleSize { get; }

    /// <summary>The deepest any tree may go.</summary>
    public int MaxDepth { get; }

    /// <summary>Score at or above which a row counts as an anomaly; null when none was set.</summary>
    public double? Threshold { get; }

    internal int[] Roots { get; }

    /// <summary>Split feature per node; −1 marks a leaf.</summary>
    internal int[] Feature { get; }

    internal float[] Thresholds { get; }

    internal int[] Left { get; }

    internal int[] Right { get; }

    /// <summary>Per leaf: its depth plus c(rows that reached it in training); 0 for internal nodes.</summary>
    internal double[] PathLength { get; }

    internal double Normalizer { get; }

    /// <summary>The anomaly score of one row, in (0, 1): higher is more unusual. Thread-safe.</summary>
    /// <exception cref="TabularDataException">A numeric value is infinite or not a number.</exception>
    public double Score(TabularRow input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var d = Dimension;
        double[]? rented = null;
        var features = d <= StackLimit ? stackalloc double[d] : (rented = ArrayPool<double>.Shared.Rent(d)).AsSpan(0, d);
        try
        {
            Featurizer.Transform(input, features);
            return Score(features);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The anomaly score of a featurized row (see <see cref="TabularFeaturizer.Transform(TabularRow, Span{double})"/>), in (0, 1). Allocation-free.</summary>
    /// <exception cref="ArgumentException">The vector's length is not <see cref="Dimension"/>.</exception>
    public double Score(ReadOnlySpan<float> features)
    {
        CheckLength(features.Length, nameof(features));
        var feature = Feature;
        var threshold = Thresholds;
        double total = 0;
        foreach (var root in Roots)
        {
            var node = root;
            while (feature[node] >= 0)
            {
                node = features[feature[node]] < threshold[node] ? Left[node] : Right[node];
            }

            total += PathLength[node];
        }

        return ToScore(total);
    }

    /// <summary>The anomaly score of every row of <paramref name="data"/>, in row order.</summary>
    /// <exception cref="TabularDataException">A numeric value is infinite (the message names the column and row).</exception>
    public double[] ScoreAll(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var matrix = Featurizer.Transform(data);
        var d = Dimension;
        var scores = new double[data.RowCount];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Score(matrix.AsSpan(i * d, d));
        }

        return scores;
    }

    /// <summary>Whether the row scores at or above <see cref="Threshold"/>.</summary>
    /// <exception cref="InvalidOperationException">The model has no threshold; train with a contamination rate or call <see cref="WithThreshold"/>.</exception>
    public bool IsAnomaly(TabularRow input)
    {
        var threshold = Threshold ?? throw new InvalidOperationException("This isolation forest has no anomaly threshold; set IsolationForestOptions.ContaminationForThreshold or call WithThreshold.");
        return Score(input) >= threshold;
    }

    /// <summary>The same forest with another anomaly threshold, in (0, 1].</summary>
    public IsolationForest WithThreshold(double threshold)
    {
        if (!(threshold > 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "An anomaly threshold must be in (0, 1].");
        }

        return new IsolationForest(Featurizer, SampleSize, MaxDepth, Roots, Feature, Thresholds, Left, Right, PathLength, threshold);
    }

    /// <summary>The score at or above which the top <paramref name="rate"/> share of <paramref name="scores"/> lie (at least one).</summary>
    internal static double ContaminationThreshold(ReadOnlySpan<double> scores, double rate)
    {
        var sorted = scores.ToArray();
        Array.Sort(sorted);
        var flagged = Math.Clamp((int)Math.Round(rate * sorted.Length, MidpointRounding.AwayFromZero), 1, sorted.Length);
        return sorted[sorted.Length - flagged];
    }

    /// <summary>Same walk as the float overload, casting each value the way float32 trees compare.</summary>
    internal double Score(ReadOnlySpan<double> features)
    {
        CheckLength(features.Length, nameof(features));
        var feature = Feature;
        var threshold = Thresholds;
        double total = 0;
        foreach (var root in Roots)
        {
            var node = root;
            while (feature[node] >= 0)
            {
                node = (float)features[feature[node]] < threshold[node] ? Left[node] : Right[node];
            }

            total += PathLength[node];
        }

        return ToScore(total);
    }

    private double ToScore(double totalPathLength) => Math.Pow(2, -(totalPathLength / Roots.Length) / Normalizer);

    private void CheckLength(int length, string parameter)
    {
        if (length != Dimension)
        {
#pragma warning disable CA2208 // The name is the caller's parameter, passed in by nameof.
            throw new ArgumentException($"features has length {length} but the forest has {Dimension} features.", parameter);
#pragma warning restore CA2208
        }
    }
}
