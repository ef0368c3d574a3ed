using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// The tabular-classifier file format, version 1: 8 magic bytes "HAITABCL", a little-endian int32
/// header length, a UTF-8 JSON header (format, version, kind, labels, featurizer columns and
/// categories, model shape, calibrator kind, payload length and SHA-256), then the little-endian
/// binary payload: per numeric column mean/center/scale, the model (LR: weights then biases;
/// trees: base margins, roots, tree classes, then per node feature, float32 threshold, left,
/// right, value) and the calibrator's parameters. Numbers travel as raw bits, so predictions round-trip exactly.
/// </summary>
internal static class TabularModelFile
{
    public const int FormatVersion = 1;
    public const string FormatName = "hybridai.tabular-classifier";
    private static readonly byte[] Magic = "HAITABCL"u8.ToArray();

    public static void Write(TabularClassifier model, Stream stream)
    {
        var payload = WritePayload(model);
        ModelFile.WriteEnvelope(stream, Magic, payload, json =>
        {
            json.WriteString("format", FormatName);
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("kind", model.Kind);
            json.WriteStartArray("labels");
            foreach (var label in model.Labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            FeaturizerJson.Write(json, model.Featurizer);
            json.WriteStartObject("model");
            json.WriteNumber("dimension", model.Model.Dimension);
            json.WriteNumber("classes", model.Model.ClassCount);
            if (model.Model is TreeEnsemble trees)
            {
                json.WriteNumber("trees", trees.TreeRoots.Length);
                json.WriteNumber("nodes", trees.Feature.Length);
            }

            json.WriteEndObject();
            if (model.Calibrator is { } calibrator)
            {
                json.WriteStartObject("calibrator");
                json.WriteString("kind", calibrator.Kind);
                json.WriteNumber("parameters", calibrator.Parameters.Length);
                json.WriteEndObject();
            }

        });
    }

    public static TabularClassifier Read(Stream stream) =>
        ModelFile.ReadEnvelope(stream, Magic, "tabular-classifier", TabularModelHeader.Read);

    private static byte[] WritePayload(TabularClassifier model)
    {
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer);
        foreach (var column in model.Featurizer.Columns)
        {
            if (column.Kind == TabularColumnKind.Numeric)
            {
                writer.Write(column.Mean);
                writer.Write(column.Center);
                writer.Write(column.Scale);
            }
        }

        switch (model.Model)
        {
            case LinearModel linear:
                foreach (var w in linear.Weights)
                {
                    writer.Write(w);
                }

                foreach (var b in linear.Biases)
                {
                    writer.Write(b);
                }

                break;
            case TreeEnsemble trees:
                Array.ForEach(trees.BaseMargins, writer.Write);
                Array.ForEach(trees.TreeRoots, writer.Write);
                Array.ForEach(trees.TreeClass, writer.Write);
                for (var node = 0; node < trees.Feature.Length; node++)
                {
                    writer.Write(trees.Feature[node]);
                    writer.Write(trees.Threshold[node]);
                    writer.Write(trees.Left[node]);
                    writer.Write(trees.Right[node]);
                    writer.Write(trees.Value[node]);
                }

                break;
            default:
                throw new InvalidOperationException($"Model kind '{model.Kind}' cannot be saved.");
        }

        if (model.Calibrator is { } calibrator)
        {
            Array.ForEach(calibrator.Parameters, writer.Write);
        }

        writer.Flush();
        return buffer.ToArray();
    }
}
