using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Orchestrator.Tests.Support;

/// <summary>A real, tiny index: ranks documents by how many query words they contain.</summary>
public sealed class ListSearchIndex(params string[] documents) : ISearchIndex
{
    public ValueTask<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        var words = query.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        IReadOnlyList<SearchHit> hits = documents
            .Select((text, i) => (text, i, score: words.Count(w => text.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.score > 0)
            .OrderByDescending(x => x.score)
            .Take(query.Top)
            .Select(x => new SearchHit($"c{x.i}", $"d{x.i}", x.text, x.score, $"doc{x.i}", new TextSpan(0, x.text.Length)))
            .ToList();
        return ValueTask.FromResult(hits);
    }
}
