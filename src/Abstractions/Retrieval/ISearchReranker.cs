namespace HybridAI.Abstractions.Retrieval;

/// <summary>
/// Re-orders the candidate hits of a search, for instance by a cross-encoder or a classifier's relevance score.
/// Plugged around any <see cref="ISearchIndex"/> with <c>WithReranker</c> (HybridAI.Retrieval).
/// </summary>
/// <example>
/// <code>
/// sealed class CategoryBoost(string category) : ISearchReranker
/// {
///     public ValueTask&lt;IReadOnlyList&lt;SearchHit&gt;&gt; RerankAsync(SearchQuery query, IReadOnlyList&lt;SearchHit&gt; candidates, CancellationToken ct) =>
///         ValueTask.FromResult&lt;IReadOnlyList&lt;SearchHit&gt;&gt;([.. candidates
///             .Select(h => h with { Score = h.Score + (h.Metadata.GetValueOrDefault("category") == category ? 1 : 0) })
///             .OrderByDescending(h => h.Score)]);
/// }
/// ISearchIndex reranked = index.WithReranker(new CategoryBoost("billing"), candidates: 20);
/// </code>
/// </example>
public interface ISearchReranker
{
    /// <summary>Returns the candidates (or a subset of them) best first, with scores of the reranker's own scale.</summary>
    ValueTask<IReadOnlyList<SearchHit>> RerankAsync(SearchQuery query, IReadOnlyList<SearchHit> candidates, CancellationToken cancellationToken = default);
}
