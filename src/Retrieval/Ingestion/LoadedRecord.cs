using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>One record of a record file as a loader read it: a document, or why the record is bad.</summary>
internal readonly record struct LoadedRecord(int Line, SourceDocument? Document, string? Error)
{
    public static LoadedRecord Failed(int line, string error) => new(line, null, error);
}
