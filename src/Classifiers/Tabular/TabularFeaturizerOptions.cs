namespace HybridAI.Classifiers.Tabular;

/// <summary>Settings for <see cref="TabularFeaturizer"/>.</summary>
public sealed record TabularFeaturizerOptions
{
    /// <summary>
    /// Scale numeric columns to mean 0 and standard deviation 1 (training statistics). On for linear
    /// models; trees do not need it, and raw values keep their thresholds readable.
    /// </summary>
    public bool Standardize { get; init; } = true;

    /// <summary>
    /// Add a "name=?missing" 0/1 column after each numeric column that had missing values in
    /// training, so a model can learn that "not given" differs from "average".
    /// </summary>
    public bool MissingIndicators { get; init; } = true;
}
