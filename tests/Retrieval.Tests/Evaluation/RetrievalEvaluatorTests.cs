using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Evaluation;
using HybridAI.Retrieval.Sqlite;

namespace HybridAI.Retrieval.Tests.Evaluation;

public sealed class RetrievalEvaluatorTests
{
    [Fact]
    public async Task Keyword_search_over_the_knowledge_base_is_measured_per_query_and_on_average()
    {
        await using var index = await SqliteDocumentIndex.OpenAsync(SqliteDocumentIndex.InMemory);
        await index.UpsertAsync(KnowledgeBase.Articles);
        LabelledQuery[] queries =
        [
            LabelledQuery.Binary("my card was charged twice", "kb-refund-en"),
            LabelledQuery.Binary("forgot password link", "kb-password-en"),
            LabelledQuery.Binary("zebra quantum xylophone", "kb-shipping-en"),
        ];

        var report = await RetrievalEvaluator.EvaluateAsync(index, queries, SearchMode.Keyword);

        Assert.Equal(3, report.Queries.Count);
        Assert.Equal(1.0, report.Queries[0].ReciprocalRank, 12);
        Assert.Equal(1.0, report.Queries[1].ReciprocalRank, 12);
        Assert.Equal(0.0, report.Queries[2].RecallAtK, 12);
        Assert.Empty(report.Queries[2].Returned);
        Assert.Equal(report.Queries.Average(q => q.NdcgAt10), report.NdcgAt10, 12);
        Assert.Equal(2.0 / 3, report.MeanReciprocalRank, 12);
        // Document ids are listed once each, however many of their chunks matched.
        Assert.All(report.Queries, q => Assert.Equal(q.Returned.Count, q.Returned.Distinct().Count()));
    }

    [Fact]
    public async Task An_empty_query_set_is_refused()
    {
        await using var index = await SqliteDocumentIndex.OpenAsync(SqliteDocumentIndex.InMemory);
        await Assert.ThrowsAsync<ArgumentException>(() => RetrievalEvaluator.EvaluateAsync(index, [], SearchMode.Keyword));
    }
}
