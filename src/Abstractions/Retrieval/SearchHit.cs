namespace HybridAI.Abstractions.Retrieval;

/// <summary>One chunk that matched a query, with everything needed to cite it.</summary>
/// <param name="ChunkId">Stable id of the chunk (the same text from the same document keeps its id).</param>
/// <param name="DocumentId">Id of the document the chunk belongs to.</param>
/// <param name="Text">The chunk's text.</param>
/// <param name="Score">Relevance; higher is better. Comparable only within one result list.</param>
/// <param name="Source">Where the document came from (a title, a file name or a URL), for citations.</param>
/// <param name="Span">Where the chunk lies in its document's text.</param>
public sealed record SearchHit(string ChunkId, string DocumentId, string Text, double Score, string Source, TextSpan Span)
{
    /// <summary>The document's metadata (category, language…).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    internal static readonly IReadOnlyDictionary<string, string> EmptyMetadata = new Dictionary<string, string>();
}

/// <summary>A character range in a text: <c>text.Substring(Start, Length)</c>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>One past the last character.</summary>
    public int End => Start + Length;
}
