namespace HybridAI.Abstractions.Classification;

/// <summary>The result of <see cref="IClassifier{TInput}.Classify"/>.</summary>
/// <param name="Label">The most probable label.</param>
/// <param name="Confidence">The probability of <paramref name="Label"/>, in [0, 1].</param>
/// <param name="Probabilities">One probability per label, in the order of <see cref="IClassifier{TInput}.Labels"/>; sums to 1.</param>
/// <param name="TopFeatures">The features that pushed most towards <paramref name="Label"/>, strongest first (may be empty).</param>
public sealed record Classification(
    string Label,
    double Confidence,
    IReadOnlyList<double> Probabilities,
    IReadOnlyList<FeatureContribution> TopFeatures);

/// <summary>How much one input feature contributed to a decision (positive = towards the predicted label).</summary>
public readonly record struct FeatureContribution(string Feature, double Weight);
