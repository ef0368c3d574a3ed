namespace HybridAI.Classifiers.Validation;

/// <summary>The outcome of <see cref="TabularCrossValidation.KFold"/>: metrics per held-out fold and their means.</summary>
/// <param name="PositiveLabel">The label whose probability was scored.</param>
/// <param name="Folds">Metrics of each fold, in fold order.</param>
public sealed record TabularCrossValidationResult(string PositiveLabel, IReadOnlyList<TabularFoldMetrics> Folds)
{
    /// <summary>Mean ROC-AUC over the folds.</summary>
    public double MeanRocAuc => Folds.Average(f => f.RocAuc);

    /// <summary>Mean average precision over the folds.</summary>
    public double MeanAveragePrecision => Folds.Average(f => f.AveragePrecision);

    /// <summary>Mean expected calibration error over the folds.</summary>
    public double MeanExpectedCalibrationError => Folds.Average(f => f.ExpectedCalibrationError);

    /// <summary>Mean log-loss over the folds.</summary>
    public double MeanLogLoss => Folds.Average(f => f.LogLoss);

    /// <summary>Mean accuracy over the folds.</summary>
    public double MeanAccuracy => Folds.Average(f => f.Accuracy);
}
