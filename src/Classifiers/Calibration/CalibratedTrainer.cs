using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Validation;

namespace HybridAI.Classifiers.Calibration;

/// <summary>
/// Wraps any trainer for two labels: fits a calibrator on out-of-fold predictions (stratified
/// k-fold over the training table), then trains the final model on all rows and attaches the calibrator.
/// </summary>
/// <example>
/// <code>
/// var trainer = new CalibratedTrainer(new GradientBoostingTrainer(), CalibrationMethod.Platt);
/// TabularClassifier model = trainer.Train(credit);   // model.Calibrator is a PlattCalibrator
/// </code>
/// </example>
public sealed class CalibratedTrainer : ITabularTrainer
{
    private readonly ITabularTrainer _inner;
    private readonly CalibrationMethod _method;
    private readonly int _folds;
    private readonly int _seed;

    /// <summary>Creates the wrapper.</summary>
    /// <param name="inner">Trains the model to calibrate.</param>
    /// <param name="method">Which calibrator to fit.</param>
    /// <param name="folds">Folds for the out-of-fold predictions (at least 2).</param>
    /// <param name="seed">Seed of the fold assignment.</param>
    public CalibratedTrainer(ITabularTrainer inner, CalibrationMethod method = CalibrationMethod.Platt, int folds = 5, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentException($"CalibrationMethod {(int)method} is not a known value.", nameof(method));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        _inner = inner;
        _method = method;
        _folds = folds;
        _seed = seed;
    }

    /// <inheritdoc />
    /// <exception cref="TabularDataException">The table does not have exactly two labels, or fewer rows than folds.</exception>
    public TabularClassifier Train(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        TrainingDataCheck.Run(data);
        var labels = data.Labels();
        var allLabels = new SortedSet<string>(labels, StringComparer.Ordinal).ToArray();
        if (allLabels.Length != 2)
        {
            throw new TabularDataException($"calibration needs exactly two labels but the label column has {allLabels.Length}.", null, null, data.LabelColumn);
        }

        if (labels.Length < _folds)
        {
            throw new TabularDataException($"calibration with {_folds} folds needs at least {_folds} rows but the table has {labels.Length}.");
        }

        var logits = TabularCrossValidation.OutOfFoldLogits(data, _inner, _folds, _seed);
        var positives = labels.Select(l => l == allLabels[1]).ToArray();
        ProbabilityCalibrator calibrator = _method == CalibrationMethod.Platt
            ? PlattCalibrator.FitLogits(logits, positives)
            : IsotonicCalibrator.Fit(logits.Select(ProbabilityCalibrator.Sigmoid).ToArray(), positives);
        return _inner.Train(data).WithCalibrator(calibrator);
    }
}
