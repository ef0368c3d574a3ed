using System.Diagnostics.CodeAnalysis;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <example>
/// Text classifiers, either form:
/// <code>
/// var triage = TextClassifier.Train(tickets, new TextClassifierTrainingOptions
/// {
///     Featurizer = new TextFeaturizerOptions { FeatureSpace = FeatureSpace.Vocabulary, CharNGramMax = 0, FoldAccents = false },
/// });
/// byte[] onnx = OnnxExporter.CanExportEndToEnd(triage, out var why)
///     ? OnnxExporter.ExportEndToEnd(triage)   // input "text", string [N]
///     : OnnxExporter.Export(triage);          // input "features", float [N, D] from triage.Featurizer.Transform
/// using var classifier = OnnxClassifier.FromBytes(onnx);
/// Classification c = classifier.ClassifyTexts(["my parcel never arrived"])[0];
/// </code>
/// </example>
public static partial class OnnxExporter
{
    /// <summary>The input of an end-to-end text graph: the raw texts, string [N].</summary>
    public const string TextInput = "text";

    /// <summary>
    /// Serializes a <see cref="TextClassifier"/> (logistic regression or naive Bayes) reading the featurized vector:
    /// input <see cref="FeaturesInput"/>, float [N, D] with D = <see cref="TextFeaturizer.Dimension"/>, each row the dense
    /// form of <see cref="TextFeaturizer.Transform(string)"/> (L2-normalised TF-IDF). Outputs <see cref="LabelOutput"/> and
    /// <see cref="ProbabilitiesOutput"/> in the order of <see cref="TextClassifier.Labels"/>. Works for every featurizer setting.
    /// </summary>
    public static byte[] Export(TextClassifier model)
    {
        var builder = Start(model, FeaturesInput, Opset);
        builder.Input(FeaturesInput, TypeProto.Tensor(OnnxElementType.Float, "N", model.Featurizer.Dimension));
        return Finish(builder, model, FeaturesInput);
    }

    /// <summary>
    /// Serializes a <see cref="TextClassifier"/> with its featurizer inside the graph: input <see cref="TextInput"/>,
    /// string [N]; outputs as in <see cref="Export(TextClassifier)"/>. Possible for a word n-gram vocabulary without accent
    /// folding or character n-grams (see <see cref="CanExportEndToEnd"/>); the graph then yields the same vectors as
    /// <see cref="TextFeaturizer"/>. It needs ONNX Runtime's com.microsoft Tokenizer.
    /// </summary>
    /// <exception cref="NotSupportedException">The featurizer uses a setting ONNX cannot express; the message names it.</exception>
    public static byte[] ExportEndToEnd(TextClassifier model)
    {
        if (!CanExportEndToEnd(model, out var reason))
        {
            throw new NotSupportedException(reason);
        }

        var builder = Start(model, TextInput, TextFeaturizerGraph.Opset);
        TextFeaturizerGraph.Add(builder, model.Featurizer, TextInput, Internal.Features);
        return Finish(builder, model, Internal.Features);
    }

    /// <summary>Whether <see cref="ExportEndToEnd(TextClassifier)"/> can express <paramref name="model"/>'s featurizer; if not, <paramref name="reason"/> names the setting.</summary>
    public static bool CanExportEndToEnd(TextClassifier model, [NotNullWhen(false)] out string? reason)
    {
        ArgumentNullException.ThrowIfNull(model);
        reason = TextFeaturizerGraph.Obstacle(model.Featurizer);
        return reason is null;
    }

    private static OnnxModelBuilder Start(TextClassifier model, string input, long opset)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new OnnxModelBuilder("hybridai_text")
            .ImportOpset(string.Empty, opset)
            .ImportOpset(OnnxModelBuilder.MLDomain, MLOpset)
            .Metadata("hybridai.kind", model.Kind)
            .Metadata("hybridai.input", input);
    }

    /// <summary>Gather of the features that have weights, MatMul + Add, Softmax, then the label; a calibration temperature is folded into the weights.</summary>
    private static byte[] Finish(OnnxModelBuilder builder, TextClassifier model, string features)
    {
        var k = model.Labels.Count;
        var rows = model.FeatureRows;
        var weights = model.Weights;
        var biases = model.Biases;
        // A temperature-calibrated model computes softmax(z / T); dividing the weights and biases by T gives the same
        // margins in the graph without an extra node (T = 1 when uncalibrated).
        var scale = 1 / model.Temperature;

        // Softmax ignores what is added to every label alike, so each feature's weights (and the biases) are centred
        // on their mean: naive Bayes log-likelihoods shrink from about −10 to about ±1, and float32 loses less.
        var w = new float[rows.Length * k];
        for (var r = 0; r < rows.Length; r++)
        {
            var row = weights.Slice(r * k, k);
            var mean = Mean(row);
            for (var c = 0; c < k; c++)
            {
                w[(r * k) + c] = (float)((row[c] - mean) * scale);
            }
        }

        var b = new float[k];
        var biasMean = Mean(biases);
        for (var c = 0; c < k; c++)
        {
            b[c] = (float)((biases[c] - biasMean) * scale);
        }

        var used = new long[rows.Length];
        for (var r = 0; r < used.Length; r++)
        {
            used[r] = rows[r];
        }

        builder
            .Initializer(OnnxTensorData.FromValues<long>(Internal.UsedFeatures, [used.Length], used))
            .Initializer(OnnxTensorData.FromValues<float>(Internal.Weights, [rows.Length, k], w))
            .Initializer(OnnxTensorData.FromValues<float>(Internal.Biases, [k], b))
            .Node("Gather", [features, Internal.UsedFeatures], [Internal.Used], attributes: AttributeProto.FromInt("axis", 1))
            .Node("MatMul", [Internal.Used, Internal.Weights], [Internal.Linear])
            .Node("Add", [Internal.Linear, Internal.Biases], [Internal.Margins])
            .Node("Softmax", [Internal.Margins], [ProbabilitiesOutput], attributes: AttributeProto.FromInt("axis", 1));
        return FinishLabels(builder, [.. model.Labels]);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
