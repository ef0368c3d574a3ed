namespace HybridAI.Classifiers;

/// <summary>
/// Trains multinomial (softmax) logistic regression with an L2 penalty by L-BFGS over sparse
/// TF-IDF rows. Deterministic: the same examples and options give the same weights.
/// </summary>
/// <example>
/// <code>
/// var trainer = new LogisticRegressionTrainer(new LogisticRegressionOptions { ClassWeighting = ClassWeighting.Balanced });
/// TextClassifier model = trainer.Train(tickets.Select(t => (t.Body, t.Category)));
/// </code>
/// </example>
public sealed class LogisticRegressionTrainer : ITextClassifierTrainer
{
    /// <summary>The model kind written into model files.</summary>
    public const string Kind = "logistic-regression";

    private readonly LogisticRegressionOptions _options;
    private readonly TextFeaturizerOptions _featurizer;

    /// <summary>Creates a trainer; null options mean defaults.</summary>
    public LogisticRegressionTrainer(LogisticRegressionOptions? options = null, TextFeaturizerOptions? featurizer = null)
    {
        _options = options ?? new LogisticRegressionOptions();
        _featurizer = featurizer ?? new TextFeaturizerOptions();
        _options.Validate();
        _featurizer.Validate();
    }

    /// <inheritdoc />
    public TextClassifier Train(IEnumerable<(string Text, string Label)> examples)
    {
        var data = TrainingSet.Build(examples, _featurizer, _options.ClassWeighting, _options.ClassWeights);
        var objective = new SoftmaxObjective(data, _options.L2);
        var theta = new double[objective.ParameterCount];
        Lbfgs.Minimize(objective.Evaluate, theta, _options.MaxIterations, _options.Tolerance, _options.HistorySize);

        var k = data.ClassCount;
        var weightCount = data.ActiveFeatures.Length * k;
        return new TextClassifier(Kind, data.Featurizer, data.Labels, theta[weightCount..], data.ActiveFeatures, theta[..weightCount]);
    }
}
