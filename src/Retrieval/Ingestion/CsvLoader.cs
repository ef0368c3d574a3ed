using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// Loads an RFC 4180 CSV file with a header row, one document per record. A record with the wrong number of fields,
/// an unclosed quote or an empty id/text is reported with its line number while the other records still load.
/// <see cref="StreamAsync"/> reads a file of any size with the memory of one record.
/// </summary>
/// <example>
/// <code>
/// var result = await new CsvLoader(new CsvLoaderOptions { TextColumn = "answer" }).LoadAsync("faq.csv");
/// await index.UpsertAsync(result.ThrowIfFailed().Documents);
/// </code>
/// </example>
public sealed class CsvLoader(CsvLoaderOptions? options = null) : IDocumentLoader
{
    private readonly CsvLoaderOptions _options = Validated(options ?? new CsvLoaderOptions());

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The header row is missing or lacks the id or text column.</exception>
    public ValueTask<DocumentLoadResult> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return RecordStreams.CollectAsync(path, Read(path, cancellationToken).ToAsyncEnumerable(), cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The header row is missing or lacks the id or text column.</exception>
    public IAsyncEnumerable<SourceDocument> StreamAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return RecordStreams.StopAtFirstFailure(path, Read(path, cancellationToken).ToAsyncEnumerable(), cancellationToken);
    }

    private IEnumerable<LoadedRecord> Read(string path, CancellationToken cancellationToken)
    {
        string fileName = Path.GetFileName(path);
        using var stream = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var reader = new CsvRecordReader(new TextCursor(stream), _options.Delimiter, _options.MaxFieldChars);
        var fields = new List<string>();

        if (!reader.TryRead(fields, out int headerLine, out string? headerError) || headerError is not null)
        {
            throw new InvalidDataException($"{path}({headerLine}): {headerError ?? "the file has no header row"}.");
        }

        string[] header = [.. fields.Select(static h => h.Trim())];
        int idColumn = RequiredColumn(header, _options.IdColumn, path, headerLine);
        int textColumn = RequiredColumn(header, _options.TextColumn, path, headerLine);
        int sourceColumn = Array.FindIndex(header, h => NameEquals(h, _options.SourceColumn));
        int[] metadataColumns = MetadataColumns(header, idColumn, textColumn, sourceColumn, path, headerLine);

        while (reader.TryRead(fields, out int line, out string? error))
        {
            cancellationToken.ThrowIfCancellationRequested();
            error ??= fields.Count != header.Length ? $"expected {header.Length} fields but found {fields.Count}"
                : string.IsNullOrWhiteSpace(fields[idColumn]) ? $"empty '{header[idColumn]}'"
                : string.IsNullOrWhiteSpace(fields[textColumn]) ? $"empty '{header[textColumn]}'"
                : null;
            if (error is not null)
            {
                yield return LoadedRecord.Failed(line, error);
                continue;
            }

            string source = sourceColumn >= 0 && !string.IsNullOrWhiteSpace(fields[sourceColumn]) ? fields[sourceColumn] : fileName;
            var document = new SourceDocument(fields[idColumn], fields[textColumn], source);
            if (metadataColumns.Length > 0)
            {
                var metadata = new Dictionary<string, string>(metadataColumns.Length, StringComparer.Ordinal);
                foreach (int column in metadataColumns)
                {
                    if (!string.IsNullOrEmpty(fields[column]))
                    {
                        metadata[header[column]] = fields[column];
                    }
                }

                document = document with { Metadata = metadata };
            }

            yield return new LoadedRecord(line, document, null);
        }
    }

    private int[] MetadataColumns(string[] header, int idColumn, int textColumn, int sourceColumn, string path, int headerLine)
    {
        if (_options.MetadataColumns is { } wanted)
        {
            return [.. wanted.Select(name => RequiredColumn(header, name, path, headerLine))];
        }

        return [.. Enumerable.Range(0, header.Length).Where(i => i != idColumn && i != textColumn && i != sourceColumn && header[i].Length > 0)];
    }

    private static int RequiredColumn(string[] header, string name, string path, int headerLine)
    {
        int index = Array.FindIndex(header, h => NameEquals(h, name));
        return index >= 0 ? index : throw new InvalidDataException($"{path}({headerLine}): the header has no column '{name}'.");
    }

    private static bool NameEquals(string header, string name) => string.Equals(header, name, StringComparison.OrdinalIgnoreCase);

    private static CsvLoaderOptions Validated(CsvLoaderOptions options)
    {
        options.Validate();
        return options;
    }
}
