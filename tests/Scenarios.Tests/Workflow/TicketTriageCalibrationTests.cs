using HybridAI.Classifiers;
using HybridAI.Governance.Masking;
using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;
using Xunit.Abstractions;

namespace HybridAI.Scenarios.Tests.Workflow;

/// <summary>The scenario's calibrated classifiers against the same classifiers uncalibrated, on the held-out golden set.</summary>
public sealed class TicketTriageCalibrationTests(ITestOutputHelper output)
{
    [Fact]
    public void Calibration_lowers_the_golden_set_ece_of_both_classifiers_and_keeps_macro_f1()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        var masker = new PiiMasker(HybridAI.Governance.Pii.PiiDetector.CreateDefault());
        string Text(TicketRecord t) => masker.Mask(TicketTriageComponents.TextOf(t)).Text;
        var train = data.Train.Select(t => (Text: Text(t), t.Category, t.Priority)).ToList();
        var golden = data.Golden.Select(t => (Text: Text(t), t.Category, t.Priority)).ToList();

        foreach (var (name, label) in new (string, Func<(string Text, string Category, string Priority), string>)[]
        {
            ("category", e => e.Category),
            ("priority", e => e.Priority),
        })
        {
            var examples = train.Select(e => (e.Text, label(e))).ToList();
            var raw = TextClassifier.Train(examples, TicketTriageComponents.TrainingOptions with { Calibration = Classifiers.Calibration.TextCalibration.None });
            var calibrated = TextClassifier.Train(examples, TicketTriageComponents.TrainingOptions);
            var expected = golden.Select(label).ToArray();
            var (rawEce, rawF1) = Evaluate(raw, golden.Select(e => e.Text), expected);
            var (calibratedEce, calibratedF1) = Evaluate(calibrated, golden.Select(e => e.Text), expected);

            var unsure = (TextClassifier m) => golden.Count(e => m.Classify(e.Text, topFeatures: 0).Confidence < 0.45);
            output.WriteLine($"{name}: T = {calibrated.Temperature:F3}; ECE {rawEce:F4} -> {calibratedEce:F4}; macro-F1 {rawF1:F4} -> {calibratedF1:F4}; " +
                $"golden tickets below 0.45 confidence {unsure(raw)} -> {unsure(calibrated)}");
            Assert.True(calibratedEce < rawEce, $"{name}: calibrated ECE {calibratedEce:F4} should be below uncalibrated {rawEce:F4}");
            Assert.True(Math.Abs(calibratedF1 - rawF1) <= 0.01, $"{name}: macro-F1 moved from {rawF1:F4} to {calibratedF1:F4}");
        }
    }

    /// <summary>Top-label ECE (confidence of the predicted label against whether it was right, 10 bins) and macro-F1.</summary>
    private static (double Ece, double MacroF1) Evaluate(TextClassifier model, IEnumerable<string> texts, string[] expected)
    {
        var predictions = texts.Select(t => model.Classify(t, topFeatures: 0)).ToArray();
        var correct = predictions.Select((p, i) => p.Label == expected[i]).ToArray();
        var ece = BinaryMetrics.ExpectedCalibrationError(correct, [.. predictions.Select(p => p.Confidence)]);
        var f1 = ClassificationMetrics.Compute(expected, [.. predictions.Select(p => p.Label)], model.Labels).MacroF1;
        return (ece, f1);
    }
}
