using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tabular;
using HybridAI.Classifiers.Tests.Data;
using HybridAI.Classifiers.Tests.Tabular;
using HybridAI.Native.OnnxRuntime;
using Xunit.Abstractions;

namespace HybridAI.Classifiers.Tests.Onnx;

public sealed class EndToEndExportTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;
    private static readonly string[] Trainers = ["lr", "gbdt", "lr+platt", "gbdt+platt"];

    [OnnxRuntimeFact]
    public void Raw_columns_with_missing_and_unseen_values_score_like_the_original()
    {
        var training = SyntheticLoans.Make(600, seed: 9);

        // Rows to score: fresh ones plus an unseen purpose and every kind of missing value.
        var fresh = SyntheticLoans.Make(200, seed: 10);
        var purposes = fresh["purpose"].Categories.ToArray();
        var income = fresh["income"].Numbers.ToArray();
        purposes[0] = "yacht";
        purposes[1] = null;
        income[1] = double.NaN;
        var scored = new TabularData(
            [TabularColumn.Numeric("income", income), fresh["amount"], TabularColumn.Categorical("purpose", purposes), fresh["risk"]],
            labelColumn: "risk");
        foreach (var name in Trainers)
        {
            var model = OnnxExporterTests.Trainer(name).Train(training);
            var delta = MaxDifference(model, scored);
            output.WriteLine($"synthetic end-to-end {name}: max |Δp| = {delta:E2}");
            Assert.True(delta <= Tolerance, $"{name}: max |Δp| {delta:E2} > {Tolerance}");
        }
    }

    [GermanCreditFact]
    public void German_credit_raw_columns_score_like_the_original()
    {
        var data = GermanCredit.Load();
        foreach (var name in Trainers)
        {
            var model = OnnxExporterTests.Trainer(name).Train(data);
            var delta = MaxDifference(model, data);
            output.WriteLine($"german credit end-to-end {name}: max |Δp| = {delta:E2}");
            Assert.True(delta <= Tolerance, $"{name}: max |Δp| {delta:E2} > {Tolerance}");
        }
    }

    [Fact]
    public void A_column_named_like_an_output_is_refused()
    {
        var data = new TabularData(
            [TabularColumn.Numeric("probabilities", [1, 2, 3, 4]), TabularColumn.Categorical("y", ["a", "b", "a", "b"])],
            labelColumn: "y");
        var model = new TabularLogisticRegressionTrainer().Train(data);
        var e = Assert.Throws<NotSupportedException>(() => OnnxExporter.ExportEndToEnd(model));
        Assert.Contains("'probabilities'", e.Message, StringComparison.Ordinal);
    }

    private static double MaxDifference(TabularClassifier model, TabularData data)
    {
        using var session = OnnxSession.FromBytes(OnnxExporter.ExportEndToEnd(model));
        var inputs = new Dictionary<string, OnnxTensor>();
        try
        {
            foreach (var column in model.Featurizer.InputColumns)
            {
                var source = data[column];
                inputs[column] = source.Kind == TabularColumnKind.Numeric
                    ? OnnxTensor.Create(source.Numbers.ToArray(), data.RowCount, 1)
                    : OnnxTensor.CreateStrings(source.Categories.ToArray().Select(c => c ?? string.Empty).ToArray(), data.RowCount, 1);
            }

            using var result = session.Run(inputs);
            var ort = result[OnnxExporter.ProbabilitiesOutput].ToArray<float>();
            var labels = result[OnnxExporter.LabelOutput].ToArray<string>();
            var ours = model.PredictProbabilities(data);
            Assert.Equal(ours.Length, ort.Length);
            double worst = 0;
            for (var i = 0; i < ours.Length; i++)
            {
                worst = Math.Max(worst, Math.Abs(ort[i] - ours[i]));
            }

            var k = model.Labels.Count;
            for (var r = 0; r < data.RowCount; r++)
            {
                // ONNX Runtime's label must be ours, or tie with it to within the tolerance.
                var row = ours.AsSpan(r * k, k);
                var theirs = model.Labels.ToList().IndexOf(labels[r]);
                Assert.True(theirs >= 0 && row[theirs] >= row.ToArray().Max() - Tolerance, $"row {r} label");
            }

            return worst;
        }
        finally
        {
            foreach (var tensor in inputs.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
