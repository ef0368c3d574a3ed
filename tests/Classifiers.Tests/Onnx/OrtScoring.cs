using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tabular;
using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Classifiers.Tests.Onnx;

/// <summary>Runs an exported model in ONNX Runtime over every row's featurized vector and compares with our scoring.</summary>
internal static class OrtScoring
{
    /// <summary>The featurized rows as float [N, D], row-major.</summary>
    public static float[] Features(TabularClassifier model, TabularData data) =>
        Array.ConvertAll(model.Featurizer.Transform(data), v => (float)v);

    /// <summary>Largest |p_ort − p_ours| over every row and label; also checks the label output against ours.</summary>
    public static double MaxDifference(TabularClassifier model, TabularData data, byte[] onnx)
    {
        using var session = OnnxSession.FromBytes(onnx);
        using var input = OnnxTensor.Create(Features(model, data), data.RowCount, model.Featurizer.Dimension);
        using var result = session.Run(new Dictionary<string, OnnxTensor> { [OnnxExporter.FeaturesInput] = input });
        var ort = result[OnnxExporter.ProbabilitiesOutput].ToArray<float>();
        var labels = result[OnnxExporter.LabelOutput].ToArray<string>();
        var ours = model.PredictProbabilities(data);
        Assert.Equal(ours.Length, ort.Length);
        Assert.Equal(data.RowCount, labels.Length);
        var k = model.Labels.Count;
        double worst = 0;
        for (var i = 0; i < ours.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(ort[i] - ours[i]));
        }

        for (var r = 0; r < data.RowCount; r++)
        {
            var row = ours.AsSpan(r * k, k);
            var best = row.IndexOf(row.ToArray().Max());

            // Only a near-tie may legitimately flip between float and double scoring.
            if (Math.Abs(row[best] - ort[(r * k) + model.Labels.ToList().IndexOf(labels[r])]) > 1e-5)
            {
                Assert.Equal(model.Labels[best], labels[r]);
            }
        }

        return worst;
    }
}
