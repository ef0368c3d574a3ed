using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Data;
using HybridAI.Classifiers.Tests.Tabular;
using Xunit.Abstractions;

namespace HybridAI.Classifiers.Tests.Onnx;

public sealed class OnnxExporterTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    private static readonly string[] Trainers = ["lr", "gbdt", "lr+platt", "gbdt+platt"];

    [OnnxRuntimeFact]
    public void Synthetic_models_agree_with_onnx_runtime_on_every_row()
    {
        var data = SyntheticLoans.Make(600, seed: 7);
        foreach (var name in Trainers)
        {
            var model = Trainer(name).Train(data);
            var delta = OrtScoring.MaxDifference(model, data, OnnxExporter.Export(model));
            output.WriteLine($"synthetic {name}: max |Δp| = {delta:E2}");
            Assert.True(delta <= Tolerance, $"{name}: max |Δp| {delta:E2} > {Tolerance}");
        }
    }

    [OnnxRuntimeFact]
    public void Three_label_models_agree_with_onnx_runtime()
    {
        var data = ThreeLabels(400, seed: 3);
        foreach (var name in new[] { "lr", "gbdt" })
        {
            var model = Trainer(name).Train(data);
            Assert.Equal(3, model.Labels.Count);
            var delta = OrtScoring.MaxDifference(model, data, OnnxExporter.Export(model));
            output.WriteLine($"three labels {name}: max |Δp| = {delta:E2}");
            Assert.True(delta <= Tolerance, $"{name}: max |Δp| {delta:E2} > {Tolerance}");
        }
    }

    [GermanCreditFact]
    public void German_credit_models_agree_with_onnx_runtime_on_every_row()
    {
        var data = GermanCredit.Load();
        foreach (var name in Trainers)
        {
            var model = Trainer(name).Train(data);
            var delta = OrtScoring.MaxDifference(model, data, OnnxExporter.Export(model));
            output.WriteLine($"german credit {name}: max |Δp| = {delta:E2}");
            Assert.True(delta <= Tolerance, $"{name}: max |Δp| {delta:E2} > {Tolerance}");
        }
    }

    [Fact]
    public void An_isotonic_calibrator_is_refused_by_name()
    {
        var data = SyntheticLoans.Make(300, seed: 1);
        var model = new CalibratedTrainer(new TabularLogisticRegressionTrainer(), CalibrationMethod.Isotonic).Train(data);
        var e = Assert.Throws<NotSupportedException>(() => OnnxExporter.Export(model));
        Assert.Contains("isotonic", e.Message, StringComparison.Ordinal);
    }

    internal static ITabularTrainer Trainer(string name) => name switch
    {
        "lr" => new TabularLogisticRegressionTrainer(),
        "gbdt" => new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 5 }),
        "lr+platt" => new CalibratedTrainer(new TabularLogisticRegressionTrainer(), CalibrationMethod.Platt),
        "gbdt+platt" => new CalibratedTrainer(new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 5 }), CalibrationMethod.Platt),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    /// <summary>Points around three centres with a categorical hint, so every label has its own region.</summary>
    internal static TabularData ThreeLabels(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new double[rows];
        var y = new double[rows];
        var colour = new string?[rows];
        var label = new string?[rows];
        string[] names = ["north", "east", "west"];
        for (var i = 0; i < rows; i++)
        {
            var c = random.Next(3);
            x[i] = (c == 1 ? 3 : 0) + (random.NextDouble() * 3);
            y[i] = (c == 0 ? 3 : 0) + (random.NextDouble() * 3);
            colour[i] = random.NextDouble() < 0.7 ? names[c] + "-ish" : "grey";
            label[i] = names[c];
        }

        return new TabularData(
            [TabularColumn.Numeric("x", x), TabularColumn.Numeric("y", y), TabularColumn.Categorical("colour", colour), TabularColumn.Categorical("region", label)],
            labelColumn: "region");
    }
}
