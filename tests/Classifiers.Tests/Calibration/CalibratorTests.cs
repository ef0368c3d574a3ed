using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Tabular;

namespace HybridAI.Classifiers.Tests.Calibration;

public sealed class CalibratorTests
{
    [Fact]
    public void Isotonic_pools_violators_and_interpolates_between_fitted_points()
    {
        var isotonic = IsotonicCalibrator.Fit([0.1, 0.2, 0.3, 0.4], [false, true, false, true]);

        // 0, 1, 0, 1 → the middle pair pools to ½ over [0.2, 0.3].
        Assert.Equal([0.1, 0.2, 0.3, 0.4], isotonic.Inputs);
        Assert.Equal([0, 0.5, 0.5, 1], isotonic.Outputs);
        Assert.Equal(0, isotonic.Calibrate(0.0));
        Assert.Equal(0.25, isotonic.Calibrate(0.15), 12);
        Assert.Equal(0.5, isotonic.Calibrate(0.25), 12);
        Assert.Equal(0.75, isotonic.Calibrate(0.35), 12);
        Assert.Equal(1, isotonic.Calibrate(0.9));
    }

    [Fact]
    public void Isotonic_puts_equal_raw_probabilities_in_one_block()
    {
        var isotonic = IsotonicCalibrator.Fit([0.5, 0.5, 0.5, 0.5], [true, false, false, false]);

        Assert.Equal(0.25, isotonic.Calibrate(0.5));
        Assert.Equal(0.25, isotonic.Calibrate(0.9));
    }

    [Fact]
    public void Platt_leaves_calibrated_scores_nearly_alone_and_tempers_overconfident_ones()
    {
        var (raw, positives) = Grid(p => p);
        var (overconfident, _) = Grid(p => Sigmoid(2 * Logit(p)));

        var identity = PlattCalibrator.Fit(raw, positives);
        var tempered = PlattCalibrator.Fit(overconfident, positives);

        Assert.InRange(identity.A, 0.95, 1.05);
        Assert.InRange(identity.B, -0.05, 0.05);
        Assert.InRange(tempered.A, 0.45, 0.55);
        Assert.Equal(0.3, tempered.Calibrate(Sigmoid(2 * Logit(0.3))), 2);
    }

    [Fact]
    public void Calibrated_trainer_fits_on_out_of_fold_predictions_and_keeps_the_ranking()
    {
        var train = SyntheticLoans.Make(1200, seed: 11);
        var test = SyntheticLoans.Make(800, seed: 12);
        var inner = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 300, LearningRate = 0.3, MaxDepth = 4, MinSamplesPerLeaf = 1 });

        var raw = inner.Train(train);
        var platt = new CalibratedTrainer(inner, CalibrationMethod.Platt, folds: 5, seed: 1).Train(train);
        var isotonic = new CalibratedTrainer(inner, CalibrationMethod.Isotonic, folds: 5, seed: 1).Train(train);

        var bad = SyntheticLoans.IsBad(test);
        var rawP = SyntheticLoans.ProbabilityOf(raw, test, "good");
        var plattP = SyntheticLoans.ProbabilityOf(platt, test, "good");
        var good = bad.Select(b => !b).ToArray();

        var fitted = Assert.IsType<PlattCalibrator>(platt.Calibrator);
        Assert.IsType<IsotonicCalibrator>(isotonic.Calibrator);
        Assert.Null(raw.Calibrator);
        Assert.InRange(fitted.A, 0.05, 1.0);

        // Platt is monotone, so the ranking (and AUC) of the over-fitted model is untouched while its calibration improves.
        Assert.Equal(BinaryMetrics.RocAuc(good, rawP), BinaryMetrics.RocAuc(good, plattP), 12);
        var rawEce = BinaryMetrics.ExpectedCalibrationError(good, rawP);
        Assert.True(BinaryMetrics.ExpectedCalibrationError(good, plattP) < rawEce, "Platt should reduce ECE of an over-fitted model");
        Assert.True(BinaryMetrics.ExpectedCalibrationError(good, SyntheticLoans.ProbabilityOf(isotonic, test, "good")) < rawEce, "isotonic should reduce ECE");
        Assert.Equal(1, isotonic.Classify(test.Row(0)).Probabilities.Sum(), 12);
    }

    [Fact]
    public void Bad_calibration_inputs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([], []));
        Assert.Throws<ArgumentException>(() => PlattCalibrator.Fit([0.5], [true, false]));
        Assert.Throws<ArgumentException>(() => IsotonicCalibrator.Fit([1.5], [true]));
        Assert.Throws<ArgumentException>(() => IsotonicCalibrator.Fit([double.NaN], [true]));
    }

    private static (double[] Probabilities, bool[] Positives) Grid(Func<double, double> report)
    {
        var probabilities = new List<double>();
        var positives = new List<bool>();
        for (var tenth = 1; tenth <= 9; tenth++)
        {
            var p = tenth / 10d;
            for (var i = 0; i < 200; i++)
            {
                probabilities.Add(report(p));
                positives.Add(i < p * 200);
            }
        }

        return ([.. probabilities], [.. positives]);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
