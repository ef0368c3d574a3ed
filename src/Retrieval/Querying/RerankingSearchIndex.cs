using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Querying;

/// <summary>Asks the inner index for more candidates than wanted, lets an <see cref="ISearchReranker"/> reorder them, keeps the top.</summary>
internal sealed class RerankingSearchIndex(ISearchIndex inner, ISearchReranker reranker, int candidates) : ISearchIndex
{
    public async ValueTask<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        IReadOnlyList<SearchHit> found = await inner.SearchAsync(query with { Top = Math.Max(query.Top, candidates) }, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<SearchHit> reranked = await reranker.RerankAsync(query, found, cancellationToken).ConfigureAwait(false);
        return reranked.Count > query.Top ? [.. reranked.Take(query.Top)] : reranked;
    }
}

/// <summary>Adds a re-ranking step to any search index.</summary>
public static class SearchIndexRerankingExtensions
{
    /// <summary>
    /// Returns an index that fetches <paramref name="candidates"/> hits (or <see cref="SearchQuery.Top"/> if more) from
    /// <paramref name="index"/>, passes them to <paramref name="reranker"/> and keeps its first <see cref="SearchQuery.Top"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// ISearchIndex kb = index.WithReranker(new MyClassifierReranker(classifier), candidates: 20);
    /// var hits = await kb.SearchAsync(new SearchQuery("double charge") { Mode = SearchMode.Hybrid, Top = 3 });
    /// </code>
    /// </example>
    public static ISearchIndex WithReranker(this ISearchIndex index, ISearchReranker reranker, int candidates = 20)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(reranker);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        return new RerankingSearchIndex(index, reranker, candidates);
    }
}
