using System.Globalization;
using System.Text.Json;

namespace HybridAI.Retrieval.Stores;

/// <summary>
/// <c>store.json</c>: which embedder (canonical spec, model id, vector length) and chunker a store was built with, so
/// later writes and searches use the same ones. Written once, when the store is created, by an atomic rename: a
/// reader sees the whole file or none.
/// </summary>
internal sealed record IndexStoreManifest(string Embedder, string EmbedderModelId, int Dimensions, string Chunker, DateTimeOffset CreatedAt)
{
    public const int Format = 1;

    /// <exception cref="IndexStoreException">The file is not JSON, or a field is missing or of the wrong type; the message names the file and field.</exception>
    public static IndexStoreManifest Read(string path)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new IndexStoreException($"The store manifest '{path}' is not valid JSON (line {(e.LineNumber ?? 0) + 1}).", e);
        }

        using (json)
        {
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new IndexStoreException($"The store manifest '{path}' must hold a JSON object.");
            }

            int format = Int(root, "format", path);
            if (format != Format)
            {
                throw new IndexStoreException(FormattableString.Invariant($"The store manifest '{path}' has format {format}; this version reads format {Format}."));
            }

            string created = String(root, "createdAt", path);
            if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset createdAt))
            {
                throw new IndexStoreException($"The store manifest '{path}': field 'createdAt' is not a date.");
            }

            int dimensions = Int(root, "dimensions", path);
            if (dimensions < 1)
            {
                throw new IndexStoreException($"The store manifest '{path}': field 'dimensions' must be positive.");
            }

            return new IndexStoreManifest(String(root, "embedder", path), String(root, "embedderModelId", path), dimensions, String(root, "chunker", path), createdAt);
        }
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, flushes it to disk, then renames it over <paramref name="path"/>.</summary>
    public void Write(string path)
    {
        string temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("format", Format);
                    writer.WriteString("embedder", Embedder);
                    writer.WriteString("embedderModelId", EmbedderModelId);
                    writer.WriteNumber("dimensions", Dimensions);
                    writer.WriteString("chunker", Chunker);
                    writer.WriteString("createdAt", CreatedAt.ToString("O", CultureInfo.InvariantCulture));
                    writer.WriteEndObject();
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string String(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new IndexStoreException($"The store manifest '{path}': field '{name}' is missing or not a non-empty string.");

    private static int Int(JsonElement root, string name, string path) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : throw new IndexStoreException($"The store manifest '{path}': field '{name}' is missing or not a whole number.");
}
