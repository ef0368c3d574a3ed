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
