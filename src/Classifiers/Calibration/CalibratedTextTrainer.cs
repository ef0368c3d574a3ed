namespace HybridAI.Classifiers.Calibration;

/// <summary>
/// Wraps a text trainer: predicts every example with a model that did not train on it (the stratified folds of
/// <see cref="CrossValidation.StratifiedFolds"/>), fits a <see cref="TemperatureScaling"/> temperature on those
/// out-of-fold predictions, then trains the final model on all examples and attaches the temperature. Costs
/// <c>folds</c> extra trainings; the labels it predicts are the inner trainer's, only the probabilities change.
/// </summary>
/// <example>
/// <code>
/// var trainer = new CalibratedTextTrainer(new LogisticRegressionTrainer(), folds: 5);
/// TextClassifier triage = trainer.Train(examples);   // triage.Temperature is the fitted T
/// </code>
/// </example>
public sealed class CalibratedTextTrainer : ITextClassifierTrainer
{
    // log(0) would make a label that a fold never saw infinitely unlikely; this is merely very unlikely.
    private const double MinProbability = 1e-300;

    private readonly ITextClassifierTrainer _inner;
    private readonly int _folds;
    private readonly int _seed;

    /// <summary>Creates the wrapper.</summary>
    /// <param name="inner">Trains the model to calibrate.</param>
    /// <param name="folds">Folds for the out-of-fold predictions (at least 2).</param>
    /// <param name="seed">Seed of the fold assignment.</param>
    public CalibratedTextTrainer(ITextClassifierTrainer inner, int folds = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        _inner = inner;
        _folds = folds;
        _seed = seed;
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">There are fewer examples than folds.</exception>
    public TextClassifier Train(IEnumerable<(string Text, string Label)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var all = examples as IReadOnlyList<(string Text, string Label)> ?? [.. examples];
        if (all.Count < _folds)
        {
            throw new ArgumentException($"Calibration with {_folds} folds needs at least {_folds} examples but there are {all.Count}.", nameof(examples));
        }

        var model = _inner.Train(all);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < model.Labels.Count; c++)
        {
            index[model.Labels[c]] = c;
        }

        var truth = new int[all.Count];
        for (var i = 0; i < truth.Length; i++)
        {
            truth[i] = index[all[i].Label];
        }

        var logits = OutOfFoldLogits(all, index, model.Labels.Count);
        return model.WithTemperature(TemperatureScaling.Fit(logits, truth, model.Labels.Count));
    }

    /// <summary>Log-probabilities [N, K] in the final model's label order, each row from the fold model that held it out.</summary>
    private double[] OutOfFoldLogits(IReadOnlyList<(string Text, string Label)> all, Dictionary<string, int> index, int k)
    {
        var assignment = CrossValidation.StratifiedFolds([.. all.Select(e => e.Label)], _folds, _seed);
        var logits = new double[all.Count * k];
        Array.Fill(logits, Math.Log(MinProbability));
        for (var f = 0; f < _folds; f++)
        {
            var fold = f;
            var foldModel = _inner.Train(all.Where((_, i) => assignment[i] != fold));
            for (var i = 0; i < all.Count; i++)
            {
                if (assignment[i] != fold)
                {
                    continue;
                }

                var p = foldModel.Classify(all[i].Text, topFeatures: 0).Probabilities;
                for (var c = 0; c < p.Count; c++)
                {
                    logits[(i * k) + index[foldModel.Labels[c]]] = Math.Log(Math.Max(p[c], MinProbability));
                }
            }
        }

        return logits;
    }
}
