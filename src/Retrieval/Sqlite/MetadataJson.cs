using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>Metadata is stored as a flat JSON object of strings so that SQLite's json_extract can filter on it.</summary>
internal static class MetadataJson
{
    public const string Empty = "{}";

    public static readonly IReadOnlyDictionary<string, string> EmptyDictionary = new Dictionary<string, string>();

    public static string Write(IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata is null || metadata.Count == 0)
        {
            return Empty;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            // Sorted keys make the stored text the same for the same metadata, whatever the dictionary's order.
            foreach (KeyValuePair<string, string> pair in metadata.OrderBy(static p => p.Key, StringComparer.Ordinal))
            {
                writer.WriteString(pair.Key, pair.Value ?? string.Empty);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyDictionary<string, string> Read(string json)
    {
        if (json.Length <= 2)
        {
            return EmptyDictionary;
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(json, rented);
            var reader = new Utf8JsonReader(rented.AsSpan(0, length));
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            reader.Read(); // StartObject
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string key = reader.GetString()!;
                reader.Read();
                metadata[key] = reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan);
            }

            return metadata;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
