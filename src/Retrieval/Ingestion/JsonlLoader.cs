using System.Text.Json;
using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// Loads a JSON Lines file: one JSON object per line, blank lines ignored. A line that is not valid JSON, or lacks
/// the id or text, is reported with its line number while all the other lines still load.
/// </summary>
/// <example>
/// <code>
/// var result = await new JsonlLoader(new JsonlLoaderOptions { TextField = "body" }).LoadAsync("kb.jsonl");
/// foreach (var failure in result.Failures) Console.WriteLine(failure); // kb.jsonl(7): invalid JSON …
/// await index.UpsertAsync(result.Documents);
/// </code>
/// </example>
public sealed class JsonlLoader(JsonlLoaderOptions? options = null) : IDocumentLoader
{
    private readonly JsonlLoaderOptions _options = Validated(options ?? new JsonlLoaderOptions());

    /// <inheritdoc />
    public async ValueTask<DocumentLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string fileName = Path.GetFileName(path);
        var documents = new List<SourceDocument>();
        var failures = new List<DocumentLoadFailure>();
        var firstLineOfId = new Dictionary<string, int>(StringComparer.Ordinal);

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        int lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string? error = TryRead(line, fileName, out SourceDocument? document);
            if (error is null && !firstLineOfId.TryAdd(document!.Id, lineNumber))
            {
                error = $"duplicate id (first seen on line {firstLineOfId[document.Id]})";
            }

            if (error is null)
            {
                documents.Add(document!);
            }
            else
            {
                failures.Add(new DocumentLoadFailure(path, lineNumber, error));
            }
        }

        return new DocumentLoadResult(documents, failures);
    }

    private string? TryRead(string line, string fileName, out SourceDocument? document)
    {
        document = null;
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            // The parser's own message can quote the offending text; report the position only.
            return $"invalid JSON at character {(ex.BytePositionInLine ?? 0) + 1}";
        }

        using (json)
        {
            JsonElement root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return $"expected a JSON object but found {Describe(root.ValueKind)}";
            }

            string? id = root.TryGetProperty(_options.IdField, out JsonElement idElement) ? ScalarText(idElement) : null;
            if (string.IsNullOrWhiteSpace(id))
            {
                return $"missing field '{_options.IdField}' (a non-empty string or number)";
            }

            if (!root.TryGetProperty(_options.TextField, out JsonElement textElement) || textElement.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(textElement.GetString()))
            {
                return $"missing field '{_options.TextField}' (a non-empty string)";
            }

            string source = fileName;
            if (root.TryGetProperty(_options.SourceField, out JsonElement sourceElement) && sourceElement.ValueKind != JsonValueKind.Null)
            {
                if (sourceElement.ValueKind != JsonValueKind.String)
                {
                    return $"field '{_options.SourceField}' must be a string but is {Describe(sourceElement.ValueKind)}";
                }

                source = sourceElement.GetString()!;
            }

            IReadOnlyDictionary<string, string>? metadata = null;
            if (root.TryGetProperty(_options.MetadataField, out JsonElement metadataElement) && metadataElement.ValueKind != JsonValueKind.Null)
            {
                if (metadataElement.ValueKind != JsonValueKind.Object)
                {
                    return $"field '{_options.MetadataField}' must be an object but is {Describe(metadataElement.ValueKind)}";
                }

                metadata = ReadMetadata(metadataElement);
            }

            document = new SourceDocument(id, textElement.GetString()!, source);
            if (metadata is not null)
            {
                document = document with { Metadata = metadata };
            }

            return null;
        }
    }

    private static Dictionary<string, string> ReadMetadata(JsonElement element)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string? value = property.Value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => property.Value.GetString(),
                _ => property.Value.GetRawText(),
            };
            if (value is not null)
            {
                metadata[property.Name] = value;
            }
        }

        return metadata;
    }

    private static string? ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static JsonlLoaderOptions Validated(JsonlLoaderOptions options)
    {
        options.Validate();
        return options;
    }
}
