namespace HybridAI.Classifiers.Tabular;

/// <summary>The learnt part of a <see cref="TabularClassifier"/>: feature vector → one raw score (logit) per label.</summary>
internal interface ITabularModel
{
    /// <summary>The model kind written into model files, e.g. "logistic-regression".</summary>
    string Kind { get; }

    int ClassCount { get; }

    int Dimension { get; }

    /// <summary>Writes one raw score per label; softmax of them gives the probabilities. Allocation-free.</summary>
    void Margins(ReadOnlySpan<double> features, Span<double> margins);

    /// <summary>Adds each feature's share of label <paramref name="label"/>'s score, relative to the mean over labels.</summary>
    void Contributions(ReadOnlySpan<double> features, int label, Span<double> perFeature);
}
