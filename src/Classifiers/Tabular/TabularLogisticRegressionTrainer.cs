using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// Trains (multinomial) logistic regression with an L2 penalty on standardised numeric and one-hot
/// categorical features, with the same L-BFGS optimiser as the text classifier. Deterministic.
/// </summary>
/// <example>
/// <code>
/// var trainer = new TabularLogisticRegressionTrainer(new LogisticRegressionOptions { L2 = 0.01 });
/// TabularClassifier model = trainer.Train(credit);
/// </code>
/// </example>
public sealed class TabularLogisticRegressionTrainer : ITabularTrainer
{
    /// <summary>The default penalty: stronger than the text default, since tables have few, dense features.</summary>
    public const double DefaultL2 = 1e-2;

    private readonly LogisticRegressionOptions _options;
    private readonly TabularFeaturizerOptions _featurizer;

    /// <summary>Creates a trainer; null options mean defaults (with <see cref="DefaultL2"/>).</summary>
    public TabularLogisticRegressionTrainer(LogisticRegressionOptions? options = null, TabularFeaturizerOptions? featurizer = null)
    {
        _options = options ?? new LogisticRegressionOptions { L2 = DefaultL2 };
        _featurizer = featurizer ?? new TabularFeaturizerOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public TabularClassifier Train(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var targets = TabularTargets.From(data, _options.ClassWeighting, _options.ClassWeights);
        var featurizer = TabularFeaturizer.Fit(data, _featurizer);
        var design = new DenseDesign(featurizer.Transform(data), featurizer.Dimension, targets, targets.Labels.Length);
        var objective = new SoftmaxObjective(design, _options.L2);
        var theta = new double[objective.ParameterCount];
        Lbfgs.Minimize(objective.Evaluate, theta, _options.MaxIterations, _options.Tolerance, _options.HistorySize);
        var weightCount = featurizer.Dimension * targets.Labels.Length;
        return new TabularClassifier(featurizer, targets.Labels, new LinearModel(theta[..weightCount], theta[weightCount..]));
    }
}
