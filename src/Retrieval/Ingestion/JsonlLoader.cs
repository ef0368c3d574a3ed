using System.Globalization;
using System.Text;
using System.Text.Json;
using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// Loads a JSON Lines file: one JSON object per line, blank lines ignored. A line that is not valid JSON, or lacks
/// the id or text, is reported with its line number while all the other lines still load. <see cref="StreamAsync"/>
/// reads a file of any size with the memory of one line.
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
    public ValueTask<DocumentLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return RecordStreams.CollectAsync(path, Read(path, cancellationToken).ToAsyncEnumerable(), cancellationToken);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<SourceDocument> StreamAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return RecordStreams.StopAtFirstFailure(path, Read(path, cancellationToken).ToAsyncEnumerable(), cancellationToken);
    }

    private IEnumerable<LoadedRecord> Read(string path, CancellationToken cancellationToken)
    {
        string fileName = Path.GetFileName(path);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var cursor = new TextCursor(reader);
        var line = new StringBuilder();
        int lineNumber = 0;
        while (cursor.TryReadLine(line, _options.MaxLineChars, out bool tooLong))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (tooLong)
            {
                yield return LoadedRecord.Failed(lineNumber, string.Create(CultureInfo.InvariantCulture, $"the line is longer than {_options.MaxLineChars} characters"));
                continue;
            }

            if (IsBlank(line))
            {
                continue;
            }

            string? error = TryRead(line.ToString(), fileName, out SourceDocument? document);
            yield return new LoadedRecord(lineNumber, document, error);
        }
    }

    private static bool IsBlank(StringBuilder line)
    {
        foreach (ReadOnlyMemory<char> chunk in line.GetChunks())
        {
            foreach (char c in chunk.Span)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
            }
        }

        return true;
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
