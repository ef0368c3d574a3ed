namespace HybridAI.Classifiers.Tabular;

/// <summary>Settings for <see cref="GradientBoostingTrainer"/>.</summary>
public sealed record GradientBoostingOptions
{
    /// <summary>Boosting rounds (one tree per round for two labels, one per label and round otherwise).</summary>
    public int Estimators { get; init; } = 100;

    /// <summary>Shrinks each tree's output; smaller needs more rounds but generalises better.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Maximum depth of a tree (a depth-3 tree has at most 8 leaves).</summary>
    public int MaxDepth { get; init; } = 3;

    /// <summary>Fewest training rows a leaf may hold.</summary>
    public int MinSamplesPerLeaf { get; init; } = 5;

    /// <summary>Most candidate split points per numeric feature, taken at quantiles of the training values (2..255).</summary>
    public int MaxBins { get; init; } = 64;

    /// <summary>Share of rows each round trains on, drawn without replacement (1 = all rows, no randomness).</summary>
    public double Subsample { get; init; } = 1.0;

    /// <summary>
    /// Share of the featurized columns each tree may split on, drawn per tree without replacement (1 = all columns,
    /// no randomness); like subsampling rows, it decorrelates the trees.
    /// </summary>
    public double FeatureSubsample { get; init; } = 1.0;

    /// <summary>L2 penalty on leaf values (the λ in −G / (H + λ)).</summary>
    public double L2 { get; init; } = 1.0;

    /// <summary>Seed of the row subsampling; the same data, options and seed give the same trees.</summary>
    public int Seed { get; init; }

    /// <summary>How rows are weighted by label.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>Explicit weight per label, multiplied with <see cref="ClassWeighting"/>.</summary>
    public IReadOnlyDictionary<string, double>? ClassWeights { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Estimators < 1)
        {
            throw new ArgumentException($"Estimators must be at least 1 but is {Estimators}.");
        }

        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentException($"LearningRate must be a finite number > 0 but is {LearningRate}.");
        }

        if (MaxDepth is < 1 or > 16)
        {
            throw new ArgumentException($"MaxDepth must be in 1..16 but is {MaxDepth}.");
        }

        if (MinSamplesPerLeaf < 1)
        {
            throw new ArgumentException($"MinSamplesPerLeaf must be at least 1 but is {MinSamplesPerLeaf}.");
        }

        if (MaxBins is < 2 or > 255)
        {
            throw new ArgumentException($"MaxBins must be in 2..255 but is {MaxBins}.");
        }

        if (!(Subsample > 0 && Subsample <= 1))
        {
            throw new ArgumentException($"Subsample must be in (0, 1] but is {Subsample}.");
        }

        if (!(FeatureSubsample > 0 && FeatureSubsample <= 1))
        {
            throw new ArgumentException($"FeatureSubsample must be in (0, 1] but is {FeatureSubsample}.");
        }

        if (!(L2 >= 0) || double.IsInfinity(L2))
        {
            throw new ArgumentException($"L2 must be a finite number >= 0 but is {L2}.");
        }

        TrainingSet.ValidateClassWeights(ClassWeighting, ClassWeights);
    }
}
