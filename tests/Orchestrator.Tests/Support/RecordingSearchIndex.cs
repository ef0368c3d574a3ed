using System.Collections.Concurrent;
using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Orchestrator.Tests.Support;

/// <summary>
/// A <see cref="ListSearchIndex"/> that keeps every query it is sent: a retrieve step's contract is the query it
/// builds (mode, top, filter), and the index answers it for real.
/// </summary>
public sealed class RecordingSearchIndex(params string[] documents) : ISearchIndex
{
    private readonly ListSearchIndex _inner = new(documents);

    public ConcurrentQueue<SearchQuery> Queries { get; } = new();

    public ValueTask<IReadOnlyList<SearchHit>> SearchAsync(SearchQuery query, CancellationToken cancellationToken = default)
    {
        Queries.Enqueue(query);
        return _inner.SearchAsync(query, cancellationToken);
    }
}
