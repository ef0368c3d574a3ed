using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Data;
using HybridAI.Classifiers.Validation;
using Xunit.Abstractions;

namespace HybridAI.Classifiers.Tests.Tabular;

public sealed class GermanCreditQualityTests(ITestOutputHelper output)
{
    private const int Seed = 42;
    private const double RocAucFloor = 0.76;

    // Many small steps, each tree on 60% of the rows and 30% of the columns (the README's German Credit figure).
    internal static readonly GradientBoostingOptions Subsampled = new()
    {
        Estimators = 600, LearningRate = 0.015, MaxDepth = 3, MinSamplesPerLeaf = 15, Subsample = 0.6, FeatureSubsample = 0.3, Seed = Seed,
    };

    [GermanCreditFact]
    public void LogisticRegression_reaches_the_roc_auc_floor()
    {
        var result = TabularCrossValidation.KFold(GermanCredit.Load(), new TabularLogisticRegressionTrainer(), "bad", folds: 5, seed: Seed);
        Report("LR", result);
        Assert.True(result.MeanRocAuc >= RocAucFloor, $"mean ROC-AUC {result.MeanRocAuc:F4} < {RocAucFloor}");
    }

    [GermanCreditFact]
    public void GradientBoosting_reaches_the_roc_auc_floor()
    {
        var result = TabularCrossValidation.KFold(GermanCredit.Load(), new GradientBoostingTrainer(new GradientBoostingOptions { Seed = Seed }), "bad", folds: 5, seed: Seed);
        Report("GBDT", result);
        Assert.True(result.MeanRocAuc >= RocAucFloor, $"mean ROC-AUC {result.MeanRocAuc:F4} < {RocAucFloor}");
    }

    [GermanCreditFact]
    public void Row_and_column_subsampling_lift_gradient_boosting()
    {
        var data = GermanCredit.Load();
        var plain = TabularCrossValidation.KFold(data, new GradientBoostingTrainer(new GradientBoostingOptions { Seed = Seed }), "bad", 5, Seed);
        var subsampled = TabularCrossValidation.KFold(data, new GradientBoostingTrainer(Subsampled), "bad", 5, Seed);
        Report("GBDT subsampled", subsampled);
        Assert.True(subsampled.MeanRocAuc >= 0.79, $"mean ROC-AUC {subsampled.MeanRocAuc:F4} < 0.79");
        Assert.True(subsampled.MeanRocAuc > plain.MeanRocAuc, $"subsampled {subsampled.MeanRocAuc:F4} vs plain {plain.MeanRocAuc:F4}");
    }

    [GermanCreditFact]
    public void Calibrated_models_keep_their_ranking_and_do_not_lose_calibration()
    {
        var data = GermanCredit.Load();
        foreach (var (name, trainer) in new (string, ITabularTrainer)[]
        {
            ("LR", new TabularLogisticRegressionTrainer()),
            ("GBDT", new GradientBoostingTrainer(new GradientBoostingOptions { Seed = Seed })),
        })
        {
            var raw = TabularCrossValidation.KFold(data, trainer, "bad", 5, Seed);
            foreach (var method in new[] { CalibrationMethod.Platt, CalibrationMethod.Isotonic })
            {
                var calibrated = TabularCrossValidation.KFold(data, new CalibratedTrainer(trainer, method, folds: 5, seed: Seed), "bad", 5, Seed);
                Report($"{name}+{method}", calibrated);
                Assert.True(calibrated.MeanRocAuc >= RocAucFloor, $"{name}+{method}: mean ROC-AUC {calibrated.MeanRocAuc:F4} < {RocAucFloor}");
                Assert.True(calibrated.MeanExpectedCalibrationError < raw.MeanExpectedCalibrationError + 0.03, $"{name}+{method}: ECE {calibrated.MeanExpectedCalibrationError:F4} vs raw {raw.MeanExpectedCalibrationError:F4}");
            }
        }
    }

    private void Report(string name, TabularCrossValidationResult result) =>
        output.WriteLine($"{name}: ROC-AUC {result.MeanRocAuc:F4}  PR-AUC {result.MeanAveragePrecision:F4}  ECE {result.MeanExpectedCalibrationError:F4}  log-loss {result.MeanLogLoss:F4}  accuracy {result.MeanAccuracy:F4}");
}
