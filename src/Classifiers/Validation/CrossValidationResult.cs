namespace HybridAI.Classifiers;

/// <summary>The outcome of <see cref="CrossValidation.KFold"/>: one set of metrics per held-out fold.</summary>
/// <param name="Folds">Metrics of each fold, in fold order.</param>
public sealed record CrossValidationResult(IReadOnlyList<ClassificationMetrics> Folds)
{
    /// <summary>Mean macro-F1 over the folds.</summary>
    public double MeanMacroF1 => Mean(static m => m.MacroF1);

    /// <summary>Mean accuracy over the folds.</summary>
    public double MeanAccuracy => Mean(static m => m.Accuracy);

    private double Mean(Func<ClassificationMetrics, double> pick)
    {
        double sum = 0;
        foreach (var fold in Folds)
        {
            sum += pick(fold);
        }

        return Folds.Count == 0 ? 0 : sum / Folds.Count;
    }
}
