using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace HybridAI.Evaluation.Golden;

/// <summary>
/// SHA-256 of the canonical records: sorted by id, each written as compact JSON with fixed field order, object keys
/// sorted and one record per line. Reordering lines or reformatting JSON keeps the hash; changing any value changes it.
/// </summary>
internal static class GoldenHash
{
    public static string Compute(IReadOnlyList<GoldenExample> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>(1024);
        foreach (GoldenExample example in examples.OrderBy(e => e.Id, StringComparer.Ordinal))
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                Write(writer, example);
            }

            hash.AppendData(buffer.WrittenSpan);
            hash.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Write(Utf8JsonWriter writer, GoldenExample example)
    {
        writer.WriteStartObject();
        writer.WriteString("id", example.Id);
        writer.WritePropertyName("input");
        WriteCanonical(writer, example.Input);
        GoldenExpected e = example.Expected;
        writer.WriteStartObject("expected");
        if (e.Label is not null)
        {
            writer.WriteString("label", e.Label);
        }

        if (e.ReferenceAnswer is not null)
        {
            writer.WriteString("reference_answer", e.ReferenceAnswer);
        }

        WriteList(writer, "required_facts", e.RequiredFacts);
        WriteList(writer, "required_citations", e.RequiredCitations);
        WriteList(writer, "forbidden", e.Forbidden);
        writer.WriteEndObject();
        writer.WriteStartObject("tags");
        foreach (KeyValuePair<string, string> tag in example.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            writer.WriteString(tag.Key, tag.Value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string>? items)
    {
        if (items is null)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (string item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (JsonProperty property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (JsonElement item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
