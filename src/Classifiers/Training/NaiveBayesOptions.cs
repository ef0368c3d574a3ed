namespace HybridAI.Classifiers;

/// <summary>Settings for <see cref="NaiveBayesTrainer"/>.</summary>
public sealed record NaiveBayesOptions
{
    /// <summary>Additive (Lidstone) smoothing; 1 is Laplace smoothing. Smaller values suit TF-IDF inputs, whose entries are below 1.</summary>
    public double Alpha { get; init; } = 0.1;

    /// <summary>Learn label priors from the (weighted) training counts; when false, all labels are equally likely a priori.</summary>
    public bool FitPriors { get; init; } = true;

    /// <summary>How examples are weighted by label (affects both feature counts and priors).</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>Explicit weight per label, multiplied with <see cref="ClassWeighting"/>; labels not listed weigh 1.</summary>
    public IReadOnlyDictionary<string, double>? ClassWeights { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (!(Alpha > 0) || double.IsInfinity(Alpha))
        {
            throw new ArgumentException($"Alpha must be a finite number > 0 but is {Alpha}.");
        }

        TrainingSet.ValidateClassWeights(ClassWeighting, ClassWeights);
    }
}
