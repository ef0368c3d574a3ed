using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Anomaly;

/// <summary>
/// The isolation-forest file format, version 1: 8 magic bytes "HAIISOFO", a little-endian int32
/// header length, a UTF-8 JSON header (format, version, kind, featurizer columns and categories,
/// forest shape: dimension, trees, nodes, sampleSize, maxDepth; whether a threshold is stored;
/// payload length and SHA-256), then the little-endian payload: per numeric column
/// mean/center/scale, tree roots, per node feature, float32 threshold, left, right, path length,
/// and the anomaly threshold when present. Numbers travel as raw bits, so scores round-trip exactly.
/// </summary>
internal static class IsolationForestFile
{
    public const int FormatVersion = 1;
    public const string FormatName = "hybridai.isolation-forest";
    private static readonly byte[] Magic = "HAIISOFO"u8.ToArray();

    public static void Write(IsolationForest forest, Stream stream)
    {
        var payload = WritePayload(forest);
        ModelFile.WriteEnvelope(stream, Magic, payload, json =>
        {
            json.WriteString("format", FormatName);
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteString("kind", IsolationForest.KindName);
            FeaturizerJson.Write(json, forest.Featurizer);
            json.WriteStartObject("model");
            json.WriteNumber("dimension", forest.Dimension);
            json.WriteNumber("trees", forest.TreeCount);
            json.WriteNumber("nodes", forest.Feature.Length);
            json.WriteNumber("sampleSize", forest.SampleSize);
            json.WriteNumber("maxDepth", forest.MaxDepth);
            json.WriteEndObject();
            json.WriteBoolean("hasThreshold", forest.Threshold.HasValue);
        });
    }

    public static IsolationForest Read(Stream stream) =>
        ModelFile.ReadEnvelope(stream, Magic, "isolation-forest", IsolationForestHeader.Read);

    private static byte[] WritePayload(IsolationForest forest)
    {
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer);
        foreach (var column in forest.Featurizer.Columns)
        {
            if (column.Kind == TabularColumnKind.Numeric)
            {
                writer.Write(column.Mean);
                writer.Write(column.Center);
                writer.Write(column.Scale);
            }
        }

        Array.ForEach(forest.Roots, writer.Write);
        for (var node = 0; node < forest.Feature.Length; node++)
        {
            writer.Write(forest.Feature[node]);
            writer.Write(forest.Thresholds[node]);
            writer.Write(forest.Left[node]);
            writer.Write(forest.Right[node]);
            writer.Write(forest.PathLength[node]);
        }

        if (forest.Threshold is { } threshold)
        {
            writer.Write(threshold);
        }

        writer.Flush();
        return buffer.ToArray();
    }
}
