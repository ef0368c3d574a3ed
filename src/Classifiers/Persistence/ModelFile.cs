using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace HybridAI.Classifiers;

/// <summary>
/// The text-classifier file format, version 1 (version 2 adds an optional <c>calibration</c> header object,
/// <c>{"method": "temperature", "temperature": T}</c>; models without calibration are still written as version 1):
/// 8 magic bytes "HAITXTCL", a little-endian int32 header length, a UTF-8 JSON header (format
/// version, kind, labels, featurizer options, vocabulary or bucket names, payload length and
/// SHA-256), then the little-endian binary payload: default IDF, sparse IDF entries, biases and
/// one weight row per active feature. Doubles travel as raw bits, so predictions round-trip exactly.
/// </summary>
internal static class ModelFile
{
    /// <summary>The newest version this library reads and writes.</summary>
    public const int FormatVersion = 2;

    /// <summary>The version of a model without calibration, readable by libraries that predate version 2.</summary>
    public const int UncalibratedFormatVersion = 1;
    public const string FormatName = "hybridai.text-classifier";

    private const int MaxHeaderBytes = 1 << 30;
    private static readonly byte[] Magic = "HAITXTCL"u8.ToArray();

    public static void Write(TextClassifier model, Stream stream)
    {
        var featurizer = model.Featurizer;
        var options = featurizer.Options;
        var payload = WritePayload(model);

        WriteEnvelope(stream, Magic, payload, json =>
        {
            json.WriteString("format", FormatName);
            var calibrated = model.Temperature != 1;
            json.WriteNumber("formatVersion", calibrated ? FormatVersion : UncalibratedFormatVersion);
            json.WriteString("kind", model.Kind);
            json.WriteStartArray("labels");
            foreach (var label in model.Labels)
            {
                json.WriteStringValue(label);
            }

            json.WriteEndArray();
            json.WriteStartObject("featurizer");
            json.WriteString("featureSpace", options.FeatureSpace == FeatureSpace.Vocabulary ? "vocabulary" : "hashed");
            json.WriteNumber("wordNGramMin", options.WordNGramMin);
            json.WriteNumber("wordNGramMax", options.WordNGramMax);
            json.WriteNumber("charNGramMin", options.CharNGramMin);
            json.WriteNumber("charNGramMax", options.CharNGramMax);
            json.WriteNumber("hashBits", options.HashBits);
            json.WriteNumber("minDocumentFrequency", options.MinDocumentFrequency);
            json.WriteNumber("maxVocabularySize", options.MaxVocabularySize);
            json.WriteNumber("maxFeatureNames", options.MaxFeatureNames);
            json.WriteBoolean("sublinearTf", options.SublinearTf);
            json.WriteBoolean("useIdf", options.UseIdf);
            json.WriteBoolean("foldAccents", options.FoldAccents);
            json.WriteBoolean("lowercase", options.Lowercase);
            json.WriteNumber("dimension", featurizer.Dimension);
            json.WriteNumber("documentCount", featurizer.DocumentCount);
            json.WriteEndObject();
            if (featurizer.Vocabulary is { } vocabulary)
            {
                json.WriteStartArray("vocabulary");
                foreach (var term in vocabulary)
                {
                    json.WriteStringValue(term);
                }

                json.WriteEndArray();
            }

            if (featurizer.HashedNames is { } names)
            {
                // Sorted so the same model always produces the same bytes.
                var buckets = names.Keys.ToArray();
                Array.Sort(buckets);
                json.WriteStartArray("featureNames");
                foreach (var bucket in buckets)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(bucket);
                    json.WriteStringValue(names[bucket]);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
            }

            if (calibrated)
            {
                // System.Text.Json writes the shortest text that parses back to the same double: probabilities round-trip exactly.
                json.WriteStartObject("calibration");
                json.WriteString("method", "temperature");
                json.WriteNumber("temperature", model.Temperature);
                json.WriteEndObject();
            }
        });
    }

    private static byte[] WritePayload(TextClassifier model)
    {
        var featurizer = model.Featurizer;
        var idf = featurizer.Idf;
        var defaultIdf = featurizer.Options.UseIdf ? TextFeaturizer.SmoothIdf(featurizer.DocumentCount, 0) : 1d;
        using var buffer = new MemoryStream();
        using var writer = new BinaryWriter(buffer);
        writer.Write(defaultIdf);
        var entries = 0;
        foreach (var value in idf)
        {
            if (!value.Equals(defaultIdf))
            {
                entries++;
            }
        }

        writer.Write(entries);
        for (var j = 0; j < idf.Length; j++)
        {
            if (!idf[j].Equals(defaultIdf))
            {
                writer.Write(j);
                writer.Write(idf[j]);
            }
        }

        foreach (var bias in model.Biases)
        {
            writer.Write(bias);
        }

        var k = model.Labels.Count;
        var rows = model.FeatureRows;
        var weights = model.Weights;
        writer.Write(rows.Length);
        for (var r = 0; r < rows.Length; r++)
        {
            writer.Write(rows[r]);
            foreach (var w in weights.Slice(r * k, k))
            {
                writer.Write(w);
            }
        }

        writer.Flush();
        return buffer.ToArray();
    }

    public static TextClassifier Read(Stream stream) =>
        ReadEnvelope(stream, Magic, "text-classifier", static (header, reader) => new ModelHeaderReader(header).ReadModel(reader));

    /// <summary>
    /// Writes the envelope every HybridAI model file shares: 8 magic bytes, an int32 header length, the UTF-8 JSON
    /// header (the kind's own fields, then <c>payloadLength</c> and <c>payloadSha256</c>), then the payload.
    /// </summary>
    internal static void WriteEnvelope(Stream stream, byte[] magic, byte[] payload, Action<Utf8JsonWriter> writeHeaderFields)
    {
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            writeHeaderFields(json);
            json.WriteNumber("payloadLength", payload.Length);
            json.WriteString("payloadSha256", Convert.ToHexStringLower(SHA256.HashData(payload)));
            json.WriteEndObject();
        }

        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(magic);
        writer.Write((int)header.Length);
        writer.Write(header.GetBuffer(), 0, (int)header.Length);
        writer.Write(payload);
        writer.Flush();
    }

    /// <summary>
    /// Checks the envelope (magic bytes, header length, JSON) and hands the header and the payload reader to
    /// <paramref name="readModel"/>; <paramref name="kind"/> names the model kind in errors ("text-classifier").
    /// </summary>
    internal static T ReadEnvelope<T>(Stream stream, byte[] magic, string kind, Func<JsonElement, BinaryReader, T> readModel)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var actual = ReadBytes(reader, magic.Length, "magic");
        if (!actual.AsSpan().SequenceEqual(magic))
        {
            throw new ModelFormatException(
                $"Not a HybridAI {kind} model: the file does not start with the magic bytes \"{Encoding.ASCII.GetString(magic)}\".", "magic", null);
        }

        var headerLength = ReadInt(reader, "headerLength", null);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes)
        {
            throw new ModelFormatException($"Model header length {headerLength} is out of range (1..{MaxHeaderBytes}); the file is corrupt.", "headerLength", null);
        }

        var headerBytes = ReadBytes(reader, headerLength, "header");
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
            return readModel(document.RootElement, reader);
        }
    }

    internal static byte[] ReadBytes(BinaryReader reader, int count, string field, int? version = null)
    {
        var bytes = reader.ReadBytes(count);
        if (bytes.Length != count)
        {
            throw new ModelFormatException($"Model file is truncated: expected {count} bytes for '{field}' but found {bytes.Length}.", field, version);
        }

        return bytes;
    }

    internal static int ReadInt(BinaryReader reader, string field, int? version) =>
        BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(reader, sizeof(int), field, version));
}
