using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Tabular;
using HybridAI.Classifiers.Validation;

namespace HybridAI.Classifiers.Tests.Validation;

public sealed class TabularCrossValidationTests
{
    private static readonly TabularData Loans = SyntheticLoans.Make(500, seed: 31);

    [Fact]
    public void Five_stratified_folds_cover_every_row_once_and_report_metrics_per_fold()
    {
        var result = TabularCrossValidation.KFold(Loans, new TabularLogisticRegressionTrainer(), "bad", folds: 5, seed: 7);

        Assert.Equal(5, result.Folds.Count);
        Assert.Equal(Loans.RowCount, result.Folds.Sum(f => f.Count));
        Assert.All(result.Folds, f => Assert.InRange(f.Count, 99, 101));
        Assert.All(result.Folds, f => Assert.InRange(f.RocAuc, 0.75, 1));
        Assert.Equal(result.Folds.Average(f => f.RocAuc), result.MeanRocAuc, 12);
        Assert.InRange(result.MeanExpectedCalibrationError, 0, 0.2);
        Assert.InRange(result.MeanAveragePrecision, 0.5, 1);
        Assert.InRange(result.MeanLogLoss, 0.1, 0.69);
        Assert.Equal("bad", result.PositiveLabel);
    }

    [Fact]
    public void The_same_seed_gives_the_same_result()
    {
        var trainer = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 20 });

        var a = TabularCrossValidation.KFold(Loans, trainer, "bad", 5, seed: 3);
        var b = TabularCrossValidation.KFold(Loans, trainer, "bad", 5, seed: 3);

        Assert.Equal(a.Folds, b.Folds);
    }

    [Fact]
    public void An_unknown_positive_label_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => TabularCrossValidation.KFold(Loans, new TabularLogisticRegressionTrainer(), "fraud"));
    }
}
