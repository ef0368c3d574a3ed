using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Evaluation;

/// <summary>
/// Runs a labelled query set against a search index in one mode and measures recall@k, MRR and nDCG@10, so that
/// keyword, vector and hybrid search (or two embedders, or two index versions) can be compared on the same queries.
/// </summary>
/// <example>
/// <code>
/// var queries = LabelledQuerySet.ReadJsonl("queries.jsonl");
/// foreach (var mode in new[] { SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid })
/// {
///     var r = await RetrievalEvaluator.EvaluateAsync(index, queries, mode);
///     Console.WriteLine($"{mode}: recall@{r.K} {r.RecallAtK:F3}  MRR {r.MeanReciprocalRank:F3}  nDCG@10 {r.NdcgAt10:F3}");
/// }
/// </code>
/// </example>
public static class RetrievalEvaluator
{
    /// <summary>Searches each query (at most max(k, 10) hits) and averages the measures.</summary>
    /// <param name="index">The index to query.</param>
    /// <param name="queries">The labelled queries.</param>
    /// <param name="mode">Keyword, vector or hybrid.</param>
    /// <param name="k">Cut-off for recall. Default 10.</param>
    /// <param name="ids">Whether the labels name documents (default) or chunks.</param>
    /// <param name="cancellationToken">Stops between queries.</param>
    public static async Task<RetrievalEvaluation> EvaluateAsync(ISearchIndex index, IReadOnlyList<LabelledQuery> queries, SearchMode mode,
        int k = 10, RelevantIdKind ids = RelevantIdKind.Document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (queries.Count == 0)
        {
            throw new ArgumentException("The labelled query set is empty.", nameof(queries));
        }

        int top = Math.Max(k, 10);
        var results = new List<QueryEvaluation>(queries.Count);
        foreach (var query in queries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Chunks of one document can fill the list, so ask for more and keep each document's best chunk.
            var hits = await index.SearchAsync(new SearchQuery(query.Query) { Top = ids == RelevantIdKind.Document ? top * 4 : top, Mode = mode },
                cancellationToken).ConfigureAwait(false);
            var ranked = Ranked(hits, ids, top);
            results.Add(new QueryEvaluation(query.Query,
                RankingMetrics.RecallAt(ranked, query.Relevant, k),
                RankingMetrics.ReciprocalRank(ranked, query.Relevant),
                RankingMetrics.NdcgAt(ranked, query.Relevant, 10),
                ranked));
        }

        return new RetrievalEvaluation(mode, k,
            results.Average(r => r.RecallAtK),
            results.Average(r => r.ReciprocalRank),
            results.Average(r => r.NdcgAt10),
            results);
    }

    private static List<string> Ranked(IReadOnlyList<SearchHit> hits, RelevantIdKind ids, int top)
    {
        var ranked = new List<string>(top);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var hit in hits)
        {
            string id = ids == RelevantIdKind.Document ? hit.DocumentId : hit.ChunkId;
            if (seen.Add(id))
            {
                ranked.Add(id);
                if (ranked.Count == top)
                {
                    break;
                }
            }
        }

        return ranked;
    }
}
