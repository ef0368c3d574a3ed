namespace HybridAI.Classifiers;

/// <summary>Everything <see cref="TextClassifier.Train"/> needs to know; every part has a sensible default.</summary>
public sealed record TextClassifierTrainingOptions
{
    /// <summary>The learner.</summary>
    public TextClassifierAlgorithm Algorithm { get; init; } = TextClassifierAlgorithm.LogisticRegression;

    /// <summary>How texts become features.</summary>
    public TextFeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Used when <see cref="Algorithm"/> is <see cref="TextClassifierAlgorithm.LogisticRegression"/>.</summary>
    public LogisticRegressionOptions LogisticRegression { get; init; } = new();

    /// <summary>Used when <see cref="Algorithm"/> is <see cref="TextClassifierAlgorithm.NaiveBayes"/>.</summary>
    public NaiveBayesOptions NaiveBayes { get; init; } = new();

    /// <summary>The trainer these options describe.</summary>
    public ITextClassifierTrainer CreateTrainer() => Algorithm switch
    {
        TextClassifierAlgorithm.LogisticRegression => new LogisticRegressionTrainer(LogisticRegression, Featurizer),
        TextClassifierAlgorithm.NaiveBayes => new NaiveBayesTrainer(NaiveBayes, Featurizer),
        _ => throw new ArgumentException($"Algorithm {(int)Algorithm} is not a known value."),
    };
}
