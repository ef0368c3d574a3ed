namespace HybridAI.Retrieval.Ingestion;

/// <summary>Which columns of a CSV file (with a header row) hold what. Column names are matched ignoring case.</summary>
public sealed class CsvLoaderOptions
{
    /// <summary>Field separator. Default ','.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Column with the document id. Required. Default "id".</summary>
    public string IdColumn { get; init; } = "id";

    /// <summary>Column with the document text. Required. Default "text".</summary>
    public string TextColumn { get; init; } = "text";

    /// <summary>Column with the citation source. Optional; the file name is used when absent or empty. Default "source".</summary>
    public string SourceColumn { get; init; } = "source";

    /// <summary>
    /// Columns copied into metadata. Null (the default) copies every column that is not id, text or source.
    /// Empty cells are left out.
    /// </summary>
    public IReadOnlyList<string>? MetadataColumns { get; init; }

    /// <summary>
    /// Longest field read, in characters; a longer one is reported as a bad record, so a quote left open early in a
    /// large file cannot swallow the rest of it into memory. Default 16 Mi (16,777,216).
    /// </summary>
    public int MaxFieldChars { get; init; } = 16 << 20;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(IdColumn);
        ArgumentException.ThrowIfNullOrEmpty(TextColumn);
        ArgumentException.ThrowIfNullOrEmpty(SourceColumn);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxFieldChars, 1);
        if (Delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The CSV delimiter cannot be a quote or a line break.", nameof(Delimiter));
        }
    }
}
