namespace HybridAI.Abstractions.Retrieval;

/// <summary>What to search for.</summary>
/// <param name="Text">The query in the user's words.</param>
public sealed record SearchQuery(string Text)
{
    /// <summary>How many hits to return at most. Default 5.</summary>
    public int Top { get; init; } = 5;

    /// <summary>Keyword (BM25), vector, or both fused. Default <see cref="SearchMode.Keyword"/>.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Keyword;

    /// <summary>Only chunks whose metadata has all of these key/value pairs are returned.</summary>
    public IReadOnlyDictionary<string, string>? Filter { get; init; }

    /// <summary>
    /// Searches the index as it was at this version (see <see cref="IVersionedDocumentIndex"/>); null (the default)
    /// searches the latest version.
    /// </summary>
    public long? Version { get; init; }

    /// <summary>
    /// Diversifies the hits with maximal marginal relevance: each next hit maximises
    /// <c>λ·relevance − (1 − λ)·max similarity to the hits already chosen</c>. 1 is pure relevance, 0 pure diversity;
    /// 0.5–0.7 is usual. Null (the default) turns it off. Needs an index that holds embeddings.
    /// </summary>
    public double? MmrLambda { get; init; }
}

/// <summary>How a query is matched.</summary>
public enum SearchMode
{
    /// <summary>Full-text ranking (BM25).</summary>
    Keyword,
    /// <summary>Embedding similarity.</summary>
    Vector,
    /// <summary>Keyword and vector rankings fused (reciprocal rank fusion).</summary>
    Hybrid,
}
