using HybridAI.Classifiers.Calibration;

namespace HybridAI.Classifiers.Tests.Calibration;

public sealed class TemperatureScalingTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(2.0)]
    public void Fit_recovers_the_temperature_the_labels_were_drawn_at(double truth)
    {
        const int rows = 4000, k = 4;
        var random = new Random(7);
        var logits = new double[rows * k];
        var labels = new int[rows];
        for (var i = 0; i < rows; i++)
        {
            var p = new double[k];
            for (var c = 0; c < k; c++)
            {
                logits[(i * k) + c] = random.NextDouble() * 6;
                p[c] = Math.Exp(logits[(i * k) + c] / truth);
            }

            var draw = random.NextDouble() * p.Sum();
            var label = 0;
            while (label < k - 1 && (draw -= p[label]) > 0)
            {
                label++;
            }

            labels[i] = label;
        }

        var fitted = TemperatureScaling.Fit(logits, labels, k);

        Assert.InRange(fitted, truth * 0.9, truth * 1.1);
    }

    [Fact]
    public void Bad_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([1, 2, 3], [0], 2));
        Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([1, 2], [2], 2));
        Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([double.NaN, 2], [0], 2));
        Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([], [], 2));
    }

    [Fact]
    public void A_calibrated_text_classifier_predicts_the_same_labels_with_other_confidences()
    {
        var raw = TextClassifier.Train(TicketData.Training);
        var calibrated = TextClassifier.Train(TicketData.Training, new TextClassifierTrainingOptions { Calibration = TextCalibration.Temperature, CalibrationFolds = 3 });

        Assert.NotEqual(1, calibrated.Temperature);
        foreach (var (text, _) in TicketData.HeldOut)
        {
            var a = raw.Classify(text);
            var b = calibrated.Classify(text);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.TopFeatures, b.TopFeatures);
            Assert.Equal(1, b.Probabilities.Sum(), 12);
            Assert.NotEqual(a.Confidence, b.Confidence);
        }
    }

    [Fact]
    public void Calibration_is_a_training_option_with_validated_folds()
    {
        Assert.IsType<CalibratedTextTrainer>(new TextClassifierTrainingOptions { Calibration = TextCalibration.Temperature }.CreateTrainer());
        Assert.IsType<LogisticRegressionTrainer>(new TextClassifierTrainingOptions().CreateTrainer());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextClassifierTrainingOptions { Calibration = TextCalibration.Temperature, CalibrationFolds = 1 }.CreateTrainer());
        Assert.Throws<ArgumentException>(() => new TextClassifierTrainingOptions { Calibration = (TextCalibration)9 }.CreateTrainer());
        Assert.Throws<ArgumentException>(() => new CalibratedTextTrainer(new LogisticRegressionTrainer(), folds: 5).Train(TicketData.Training.Take(4)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextClassifier.Train(TicketData.Training).WithTemperature(0));
    }
}
