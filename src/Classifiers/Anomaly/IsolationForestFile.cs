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
    private const int MaxHeaderBytes = 1 << 30;
    private static readonly byte[] Magic = "HAIISOFO"u8.ToArray();

    public static void Write(IsolationForest forest, Stream stream)
    {
        var payload = WritePayload(forest);
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
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
            json.WriteNumber("payloadLength", payload.Length);
            json.WriteString("payloadSha256", Convert.ToHexStringLower(SHA256.HashData(payload)));
            json.WriteEndObject();
        }

        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write((int)header.Length);
        writer.Write(header.GetBuffer(), 0, (int)header.Length);
        writer.Write(payload);
        writer.Flush();
    }

    public static IsolationForest Read(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = ModelFile.ReadBytes(reader, Magic.Length, "magic");
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new ModelFormatException("Not a HybridAI isolation-forest model: the file does not start with the magic bytes \"HAIISOFO\".", "magic", null);
        }

        var headerLength = ModelFile.ReadInt(reader, "headerLength", null);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes)
        {
            throw new ModelFormatException($"Model header length {headerLength} is out of range (1..{MaxHeaderBytes}); the file is corrupt.", "headerLength", null);
        }

        var headerBytes = ModelFile.ReadBytes(reader, headerLength, "header");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(headerBytes);
        }
        catch (JsonException ex)
        {
            throw new ModelFormatException("Model header is not valid JSON; the file is corrupt.", "header", null, ex);
        }

        using (document)
        {
            return IsolationForestHeader.Read(document.RootElement, reader);
        }
    }

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
