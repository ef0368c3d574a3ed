using System.Globalization;
using HybridAI.Classifiers.Anomaly;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tests.Anomaly;
using HybridAI.Classifiers.Tests.Data;
using HybridAI.Native.OnnxRuntime;
using Xunit.Abstractions;

namespace HybridAI.Classifiers.Tests.Onnx;

public sealed class IsolationForestExportTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-5;

    [GermanCreditFact]
    public void German_credit_scores_agree_with_onnx_runtime_on_every_row_in_both_forms()
    {
        var credit = GermanCredit.Load();
        var forest = new IsolationForestTrainer(new IsolationForestOptions { ContaminationForThreshold = 0.05 }).Train(credit);
        var ours = forest.ScoreAll(credit);

        var vector = ScoreFeatures(OnnxExporter.Export(forest), forest, credit);
        var endToEnd = ScoreColumns(OnnxExporter.ExportEndToEnd(forest), forest, credit);
        var vectorDelta = MaxDifference(ours, vector);
        var endToEndDelta = MaxDifference(ours, endToEnd);
        output.WriteLine($"german credit isolation forest: max |Δscore| feature vector {vectorDelta:E2}, end to end {endToEndDelta:E2} over {ours.Length} rows");
        Assert.True(vectorDelta <= Tolerance, $"feature vector: max |Δscore| {vectorDelta:E2} > {Tolerance}");
        Assert.True(endToEndDelta <= Tolerance, $"end to end: max |Δscore| {endToEndDelta:E2} > {Tolerance}");
    }

    [OnnxRuntimeFact]
    public void Planted_outliers_with_missing_values_score_alike_after_a_save_and_load()
    {
        var planted = PlantedOutliers.Make(400, 8, seed: 5);
        var columns = planted.Data.Columns.Select(c => c.Kind == TabularColumnKind.Numeric
            ? TabularColumn.Numeric(c.Name, [.. c.Numbers.ToArray().Select((v, i) => i % 17 == 3 ? double.NaN : v)])
            : c).ToArray();
        var data = new TabularData(columns, planted.Data.LabelColumn);
        var trained = new IsolationForestTrainer(new IsolationForestOptions { Trees = 50, Seed = 5 }).Train(data);
        IsolationForest forest;
        using (var file = new MemoryStream())
        {
            trained.Save(file);
            file.Position = 0;
            forest = IsolationForest.Load(file);
        }

        var delta = MaxDifference(trained.ScoreAll(data), ScoreColumns(OnnxExporter.ExportEndToEnd(forest), forest, data));
        output.WriteLine($"planted outliers end to end: max |Δscore| = {delta:E2}");
        Assert.True(delta <= Tolerance, $"max |Δscore| {delta:E2} > {Tolerance}");
    }

    [Fact]
    public void The_threshold_travels_in_the_metadata_and_a_column_named_score_is_refused()
    {
        var planted = PlantedOutliers.Make(100, 2, seed: 6);
        var forest = new IsolationForestTrainer(new IsolationForestOptions { Trees = 10, ContaminationForThreshold = 0.02 }).Train(planted.Data);
        var metadata = HybridAI.Native.OnnxRuntime.Format.ModelProto.Read(OnnxExporter.Export(forest)).MetadataProps;
        var threshold = metadata.Single(m => m.Key == "hybridai.threshold").Value;
        Assert.Equal(forest.Threshold!.Value, double.Parse(threshold!, CultureInfo.InvariantCulture));

        var clash = new TabularData([TabularColumn.Numeric("score", [1, 2, 3, 4, 50])]);
        var e = Assert.Throws<NotSupportedException>(() => OnnxExporter.ExportEndToEnd(new IsolationForestTrainer().Train(clash)));
        Assert.Contains("'score'", e.Message, StringComparison.Ordinal);
    }

    private static float[] ScoreFeatures(byte[] onnx, IsolationForest forest, TabularData data)
    {
        using var session = OnnxSession.FromBytes(onnx);
        var features = Array.ConvertAll(forest.Featurizer.Transform(data), v => (float)v);
        using var input = OnnxTensor.Create(features, data.RowCount, forest.Dimension);
        using var result = session.Run(new Dictionary<string, OnnxTensor> { [OnnxExporter.FeaturesInput] = input });
        return result[OnnxExporter.ScoreOutput].ToArray<float>();
    }

    private static float[] ScoreColumns(byte[] onnx, IsolationForest forest, TabularData data)
    {
        using var session = OnnxSession.FromBytes(onnx);
        var inputs = new Dictionary<string, OnnxTensor>();
        try
        {
            foreach (var name in forest.Featurizer.InputColumns)
            {
                var column = data[name];
                inputs[name] = column.Kind == TabularColumnKind.Numeric
                    ? OnnxTensor.Create(column.Numbers.ToArray(), data.RowCount, 1)
                    : OnnxTensor.CreateStrings([.. column.Categories.ToArray().Select(c => c ?? string.Empty)], data.RowCount, 1);
            }

            using var result = session.Run(inputs);
            return result[OnnxExporter.ScoreOutput].ToArray<float>();
        }
        finally
        {
            foreach (var tensor in inputs.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static double MaxDifference(double[] ours, float[] ort)
    {
        Assert.Equal(ours.Length, ort.Length);
        return ours.Zip(ort, (a, b) => Math.Abs(a - b)).Max();
    }
}
