using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Anomaly;

/// <summary>Settings for <see cref="IsolationForestTrainer"/>.</summary>
public sealed record IsolationForestOptions
{
    /// <summary>How many isolation trees to grow; more trees give steadier scores.</summary>
    public int Trees { get; init; } = 100;

    /// <summary>Rows drawn (without replacement) for each tree; capped at the table's row count.</summary>
    public int SampleSize { get; init; } = 256;

    /// <summary>
    /// Deepest a tree grows; null means ceil(log2(sample size)), the average depth at which a normal
    /// row is isolated, so the trees only spend effort on telling anomalies apart.
    /// </summary>
    public int? MaxDepth { get; init; }

    /// <summary>Seed of the random draws; the same seed and data give the same forest.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// Expected share of anomalies in the training data, in (0, 0.5]. When set, the model gets an
    /// <see cref="IsolationForest.Threshold"/> so that about this share of training rows score at or
    /// above it, enabling <see cref="IsolationForest.IsAnomaly(HybridAI.Classifiers.Data.TabularRow)"/>.
    /// </summary>
    public double? ContaminationForThreshold { get; init; }

    /// <summary>How rows become numbers; null uses the defaults (standardised numbers, one-hot categories, mean imputation).</summary>
    public TabularFeaturizerOptions? Featurizer { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trees, 1, nameof(Trees));
        ArgumentOutOfRangeException.ThrowIfLessThan(SampleSize, 2, nameof(SampleSize));
        if (MaxDepth is { } depth)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1, nameof(MaxDepth));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, 64, nameof(MaxDepth));
        }

        if (ContaminationForThreshold is { } rate && !(rate > 0 && rate <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(ContaminationForThreshold), rate, "The contamination rate must be in (0, 0.5].");
        }
    }
}
