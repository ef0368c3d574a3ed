namespace HybridAI.Abstractions.Retrieval;

/// <summary>A document to ingest: a knowledge-base article, a policy, a past ticket.</summary>
/// <param name="Id">The caller's id; re-ingesting the same id replaces the document.</param>
/// <param name="Text">The full text.</param>
/// <param name="Source">Title, file name or URL shown in citations.</param>
public sealed record SourceDocument(string Id, string Text, string Source)
{
    /// <summary>Key/value metadata that searches can filter on.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = SearchHit.EmptyMetadata;
}
