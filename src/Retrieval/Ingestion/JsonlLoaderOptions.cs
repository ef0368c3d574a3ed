namespace HybridAI.Retrieval.Ingestion;

/// <summary>Which JSON properties of a JSONL record hold what. Property names are matched exactly.</summary>
public sealed class JsonlLoaderOptions
{
    /// <summary>Property with the document id (string or number). Required in every record. Default "id".</summary>
    public string IdField { get; init; } = "id";

    /// <summary>Property with the document text (non-empty string). Required in every record. Default "text".</summary>
    public string TextField { get; init; } = "text";

    /// <summary>Property with the citation source. Optional; the file name is used when absent. Default "source".</summary>
    public string SourceField { get; init; } = "source";

    /// <summary>
    /// Property with an object of metadata. Optional. String values are kept as they are, numbers and booleans as their
    /// JSON text, nulls are dropped, arrays and objects are kept as JSON. Default "metadata".
    /// </summary>
    public string MetadataField { get; init; } = "metadata";

    /// <summary>
    /// Longest line read, in characters; a longer line is reported as a bad record and skipped, so a file without line
    /// breaks cannot fill memory. Default 16 Mi (16,777,216).
    /// </summary>
    public int MaxLineChars { get; init; } = 16 << 20;

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(IdField);
        ArgumentException.ThrowIfNullOrEmpty(TextField);
        ArgumentException.ThrowIfNullOrEmpty(SourceField);
        ArgumentException.ThrowIfNullOrEmpty(MetadataField);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLineChars, 1);
    }
}
