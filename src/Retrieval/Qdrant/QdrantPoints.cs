using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;

namespace HybridAI.Retrieval.Qdrant;

/// <summary>
/// How the index lays itself out in one collection. Three kinds of point, told apart by the <c>record</c> payload key:
/// chunks (with a dense vector and a sparse keyword vector), one marker per document version (no vector: it answers
/// "is this document present, and did it change?" and counts documents), and one record per committed index version
/// (no vector). Chunks and markers carry the range of versions in which they are live.
/// </summary>
internal static class QdrantPoints
{
    public const string DenseVector = "dense";
    public const string SparseVector = "keywords";

    public const string Record = "record";
    public const string ChunkRecord = "chunk";
    public const string DocumentRecord = "document";
    public const string VersionRecord = "version";

    public const string DocumentId = "doc_id";
    public const string ChunkId = "chunk_id";
    public const string Ordinal = "ordinal";
    public const string Source = "source";
    public const string Start = "start";
    public const string Length = "length";
    public const string Text = "text";
    public const string MetadataKey = "metadata";
    public const string ContentHash = "content_hash";
    public const string Added = "added";
    public const string Removed = "removed";
    public const string Number = "number";
    public const string CommittedAt = "committed_at";
    public const string Operation = "operation";
    public const string DocumentCount = "documents";

    /// <summary>The <c>removed</c> version of a live point: 2^53 − 1, the largest integer a JSON double holds exactly.</summary>
    public const long NeverRemoved = 9_007_199_254_740_991;

    public static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    /// <summary>
    /// The point id of a chunk added at a version: a UUID made from the chunk id (which already hashes document id, text
    /// and ordinal) and the version, so re-running the same write produces the same ids, and a chunk revived by a
    /// rollback gets a fresh point beside its history.
    /// </summary>
    public static string ChunkPointId(string chunkId, long added) => Uuid($"chunk\n{chunkId}\n{added.ToString(CultureInfo.InvariantCulture)}");

    public static string DocumentPointId(string documentId, long added) => Uuid($"document\n{documentId}\n{added.ToString(CultureInfo.InvariantCulture)}");

    public static string VersionPointId(long number) => Uuid($"version\n{number.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The filter path of a metadata key; keys with path characters are quoted, as Qdrant's key syntax allows.</summary>
    public static string MetadataPath(string key) =>
        key.AsSpan().IndexOfAny(".[]") >= 0 ? $"{MetadataKey}.\"{key}\"" : $"{MetadataKey}.{key}";

    /// <summary>SHA-256 of what a document is: an unchanged document keeps its points on re-ingest.</summary>
    public static string ContentHashOf(SourceDocument document)
    {
        var text = new StringBuilder();
        foreach (string part in new[] { document.Source, document.Text })
        {
            text.Append(part.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(part);
        }

        foreach ((string key, string value) in (document.Metadata ?? NoMetadata).OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            text.Append(key.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(key);
            string v = value ?? string.Empty;
            text.Append(v.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(v);
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static JsonObject ChunkPayload(SourceDocument document, DocumentChunk chunk, long added) => new()
    {
        [Record] = ChunkRecord,
        [DocumentId] = document.Id,
        [ChunkId] = chunk.Id,
        [Ordinal] = chunk.Ordinal,
        [Source] = document.Source,
        [Start] = chunk.Span.Start,
        [Length] = chunk.Span.Length,
        [Text] = chunk.Text,
        [MetadataKey] = MetadataJson(document.Metadata),
        [Added] = added,
        [Removed] = NeverRemoved,
    };

    public static JsonObject DocumentPayload(SourceDocument document, string contentHash, int chunkCount, long added) => new()
    {
        [Record] = DocumentRecord,
        [DocumentId] = document.Id,
        [Source] = document.Source,
        [ContentHash] = contentHash,
        ["chunks"] = chunkCount,
        [MetadataKey] = MetadataJson(document.Metadata),
        [Added] = added,
        [Removed] = NeverRemoved,
    };

    public static JsonObject VersionPayload(long number, DateTimeOffset committedAt, string operation, long documents) => new()
    {
        [Record] = VersionRecord,
        [Number] = number,
        [CommittedAt] = committedAt.ToString("O", CultureInfo.InvariantCulture),
        [Operation] = operation,
        [DocumentCount] = documents,
    };

    public static JsonObject Point(string id, JsonObject vectors, JsonObject payload) => new() { ["id"] = id, ["vector"] = vectors, ["payload"] = payload };

    public static JsonObject Vectors(float[]? dense, SparseVector? sparse)
    {
        var vectors = new JsonObject();
        if (dense is not null)
        {
            vectors[DenseVector] = FloatArray(dense);
        }

        if (sparse is { IsEmpty: false } keywords)
        {
            vectors[SparseVector] = SparseJson(keywords);
        }

        return vectors;
    }

    public static JsonArray FloatArray(float[] values)
    {
        var array = new JsonArray();
        foreach (float v in values)
        {
            array.Add(v);
        }

        return array;
    }

    public static JsonObject SparseJson(SparseVector vector)
    {
        var indices = new JsonArray();
        var values = new JsonArray();
        for (int i = 0; i < vector.Indices.Length; i++)
        {
            indices.Add(vector.Indices[i]);
            values.Add(vector.Values[i]);
        }

        return new JsonObject { ["indices"] = indices, ["values"] = values };
    }

    /// <summary>A chunk point (a scored point or a scroll record) as a hit.</summary>
    public static SearchHit Hit(JsonElement point, double score)
    {
        JsonElement payload = point.GetProperty("payload");
        return new SearchHit(
            String(payload, ChunkId), String(payload, DocumentId), String(payload, Text), score, String(payload, Source),
            new TextSpan(payload.GetProperty(Start).GetInt32(), payload.GetProperty(Length).GetInt32()))
        {
            Metadata = ReadMetadata(payload),
        };
    }

    /// <summary>The point's dense vector when it was asked for (<c>with_vector</c>), else null.</summary>
    public static float[]? Dense(JsonElement point)
    {
        if (!point.TryGetProperty("vector", out JsonElement vector) || vector.ValueKind != JsonValueKind.Object
            || !vector.TryGetProperty(DenseVector, out JsonElement dense) || dense.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var values = new float[dense.GetArrayLength()];
        int i = 0;
        foreach (JsonElement v in dense.EnumerateArray())
        {
            values[i++] = v.GetSingle();
        }

        return values;
    }

    public static string String(JsonElement payload, string key) =>
        payload.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;

    public static long Long(JsonElement payload, string key) =>
        payload.TryGetProperty(key, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;

    private static JsonObject MetadataJson(IReadOnlyDictionary<string, string>? metadata)
    {
        var json = new JsonObject();
        foreach ((string key, string value) in (metadata ?? NoMetadata).OrderBy(static p => p.Key, StringComparer.Ordinal))
        {
            json[key] = value ?? string.Empty;
        }

        return json;
    }

    private static IReadOnlyDictionary<string, string> ReadMetadata(JsonElement payload)
    {
        if (!payload.TryGetProperty(MetadataKey, out JsonElement metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return NoMetadata;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty property in metadata.EnumerateObject())
        {
            result[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return result.Count == 0 ? NoMetadata : result;
    }

    private static string Uuid(string name)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes("hybridai-qdrant\n" + name), hash);
        Span<byte> bytes = hash[..16];
        // RFC 9562 layout of a name-based UUID: version 8 (custom hash) and the RFC variant bits.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
