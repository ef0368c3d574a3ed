using HybridAI.Classifiers.Onnx;
using HybridAI.Classifiers.Tests.Tabular;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Tests.Onnx;

public sealed class OnnxClassifierTests
{
    private const double Tolerance = 1e-5;

    // Softmax(x · W + b) over two features and three labels; rows chosen to land in every label's region.
    private static readonly float[] Weights = [1.5f, -0.5f, -1f, 0.25f, 1f, -1.25f];
    private static readonly float[] Biases = [0.1f, -0.2f, 0.3f];
    private static readonly float[][] Rows = [[2f, 0f], [0f, 2f], [-2f, -1f], [0.5f, 0.5f], [0f, 0f]];

    [OnnxRuntimeFact]
    public void Exported_tabular_models_classify_like_the_original()
    {
        var data = SyntheticLoans.Make(300, seed: 11);
        foreach (var name in new[] { "lr", "gbdt+platt" })
        {
            var model = OnnxExporterTests.Trainer(name).Train(data);
            using var onnx = OnnxClassifier.FromBytes(OnnxExporter.Export(model));
            Assert.Equal(model.Labels, onnx.Labels);
            var d = model.Featurizer.Dimension;
            var features = OrtScoring.Features(model, data);
            var rows = Enumerable.Range(0, data.RowCount).Select(r => features.AsSpan(r * d, d).ToArray()).ToArray();
            var batch = onnx.Classify(rows);
            for (var r = 0; r < data.RowCount; r++)
            {
                var ours = model.Classify(data.Row(r), 0);
                var theirs = r % 50 == 0 ? onnx.Classify(rows[r]) : batch[r];
                for (var c = 0; c < ours.Probabilities.Count; c++)
                {
                    Assert.True(Math.Abs(ours.Probabilities[c] - theirs.Probabilities[c]) <= Tolerance, $"{name} row {r} label {c}");
                }

                Assert.True(ours.Label == theirs.Label || Math.Abs(ours.Confidence - theirs.Confidence) <= Tolerance, $"{name} row {r} label");
                Assert.Empty(theirs.TopFeatures);
            }
        }
    }

    [OnnxRuntimeFact]
    public void ZipMap_with_string_keys_reads_labels_from_the_graph()
    {
        var model = ZipMapModel(OnnxElementType.String, labelOutput: false);
        using var onnx = OnnxClassifier.FromBytes(model, new OnnxClassifierOptions { LabelOutput = null, ProbabilitiesOutput = "output_probability" });
        Assert.Equal(["cat", "dog", "eel"], onnx.Labels);
        AssertMatchesSoftmax(onnx);
    }

    [OnnxRuntimeFact]
    public void ZipMap_with_int64_keys_and_an_int64_label_output()
    {
        var model = ZipMapModel(OnnxElementType.Int64, labelOutput: true);
        using var onnx = OnnxClassifier.FromBytes(model, new OnnxClassifierOptions
        {
            InputName = "float_input",
            LabelOutput = "output_label",
            ProbabilitiesOutput = "output_probability",
        });
        Assert.Equal(["0", "1", "2"], onnx.Labels);
        AssertMatchesSoftmax(onnx);
    }

    [OnnxRuntimeFact]
    public void Labels_from_options_override_and_name_tensor_columns()
    {
        using var onnx = OnnxClassifier.FromBytes(PlainModel(), new OnnxClassifierOptions { LabelOutput = null, Labels = ["cat", "dog", "eel"] });
        Assert.Equal(["cat", "dog", "eel"], onnx.Labels);
        AssertMatchesSoftmax(onnx);
    }

    [OnnxRuntimeFact]
    public void A_model_without_labels_or_with_unknown_names_is_refused_clearly()
    {
        var noLabels = Assert.Throws<ArgumentException>(() => OnnxClassifier.FromBytes(PlainModel(), new OnnxClassifierOptions { LabelOutput = null }));
        Assert.Contains("OnnxClassifierOptions.Labels", noLabels.Message, StringComparison.Ordinal);

        var badInput = Assert.Throws<ArgumentException>(() => OnnxClassifier.FromBytes(PlainModel(), new OnnxClassifierOptions { InputName = "x", LabelOutput = null, Labels = ["a", "b", "c"] }));
        Assert.Contains("no input 'x'", badInput.Message, StringComparison.Ordinal);

        var badOutput = Assert.Throws<ArgumentException>(() => OnnxClassifier.FromBytes(PlainModel(), new OnnxClassifierOptions { Labels = ["a", "b", "c"] }));
        Assert.Contains("no output 'label'", badOutput.Message, StringComparison.Ordinal);

        using var wrongCount = OnnxClassifier.FromBytes(PlainModel(), new OnnxClassifierOptions { LabelOutput = null, Labels = ["a", "b"] });
        Assert.Throws<InvalidOperationException>(() => wrongCount.Classify(Rows[0]));
    }

    private static void AssertMatchesSoftmax(OnnxClassifier onnx)
    {
        var answers = onnx.Classify(Rows);
        for (var r = 0; r < Rows.Length; r++)
        {
            var expected = Softmax(Rows[r]);
            var best = Array.IndexOf(expected, expected.Max());
            Assert.Equal(onnx.Labels[best], answers[r].Label);
            Assert.Equal(expected[best], answers[r].Confidence, Tolerance);
            for (var c = 0; c < 3; c++)
            {
                Assert.Equal(expected[c], answers[r].Probabilities[c], Tolerance);
            }
        }
    }

    private static double[] Softmax(float[] x)
    {
        var z = new double[3];
        for (var c = 0; c < 3; c++)
        {
            z[c] = Biases[c] + (x[0] * (double)Weights[c]) + (x[1] * (double)Weights[3 + c]);
        }

        var max = z.Max();
        var e = z.Select(v => Math.Exp(v - max)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }

    private static OnnxModelBuilder Linear(string input) => new OnnxModelBuilder("zipmap_test")
        .ImportOpset(string.Empty, 17)
        .ImportOpset(OnnxModelBuilder.MLDomain, 1)
        .Input(input, TypeProto.Tensor(OnnxElementType.Float, "N", 2))
        .Initializer(OnnxTensorData.FromValues<float>("W", [2, 3], Weights))
        .Initializer(OnnxTensorData.FromValues<float>("B", [3], Biases))
        .Node("MatMul", [input, "W"], ["xw"])
        .Node("Add", ["xw", "B"], ["z"])
        .Node("Softmax", ["z"], ["probabilities"], attributes: AttributeProto.FromInt("axis", 1));

    private static byte[] PlainModel() => Linear("features")
        .Output("probabilities", TypeProto.Tensor(OnnxElementType.Float, "N", 3))
        .Build()
        .ToByteArray();

    /// <summary>The shape skl2onnx gives classifiers: a label tensor plus a ZipMap of per-row probabilities.</summary>
    private static byte[] ZipMapModel(OnnxElementType keyType, bool labelOutput)
    {
        var builder = Linear("float_input");
        var labels = keyType == OnnxElementType.String
            ? AttributeProto.FromStrings("classlabels_strings", "cat", "dog", "eel")
            : AttributeProto.FromInts("classlabels_int64s", 0, 1, 2);
        builder.Node("ZipMap", ["probabilities"], ["output_probability"], OnnxModelBuilder.MLDomain, attributes: labels)
            .Output("output_probability", TypeProto.Sequence(TypeProto.Map(keyType, TypeProto.Tensor(OnnxElementType.Float, null))));
        if (labelOutput)
        {
            builder.Node("ArgMax", ["probabilities"], ["output_label"], attributes: [AttributeProto.FromInt("axis", 1), AttributeProto.FromInt("keepdims", 0)])
                .Output("output_label", TypeProto.Tensor(OnnxElementType.Int64, "N"));
        }

        return builder.Build().ToByteArray();
    }
}
