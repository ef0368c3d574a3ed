namespace HybridAI.Classifiers;

/// <summary>Settings for <see cref="LogisticRegressionTrainer"/>.</summary>
public sealed record LogisticRegressionOptions
{
    /// <summary>L2 penalty λ on the weights (not the biases); the loss is the weighted mean cross-entropy plus λ/2·‖w‖².</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>Upper bound on L-BFGS iterations.</summary>
    public int MaxIterations { get; init; } = 500;

    /// <summary>Stop when the largest gradient component, or the relative loss improvement, falls below this.</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>How many past steps L-BFGS remembers to approximate curvature.</summary>
    public int HistorySize { get; init; } = 10;

    /// <summary>How examples are weighted by label.</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>Explicit weight per label, multiplied with <see cref="ClassWeighting"/>; labels not listed weigh 1.</summary>
    public IReadOnlyDictionary<string, double>? ClassWeights { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!(L2 >= 0) || double.IsInfinity(L2))
        {
            throw new ArgumentException($"L2 must be a finite number >= 0 but is {L2}.");
        }

        if (MaxIterations < 1)
        {
            throw new ArgumentException($"MaxIterations must be at least 1 but is {MaxIterations}.");
        }

        if (!(Tolerance > 0))
        {
            throw new ArgumentException($"Tolerance must be positive but is {Tolerance}.");
        }

        if (HistorySize < 1)
        {
            throw new ArgumentException($"HistorySize must be at least 1 but is {HistorySize}.");
        }

        TrainingSet.ValidateClassWeights(ClassWeighting, ClassWeights);
    }
}
