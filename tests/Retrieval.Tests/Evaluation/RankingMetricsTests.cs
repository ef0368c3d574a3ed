using HybridAI.Retrieval.Evaluation;

namespace HybridAI.Retrieval.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    private static readonly Dictionary<string, double> TwoRelevant = new() { ["a"] = 1, ["b"] = 1 };

    [Fact]
    public void Recall_counts_relevant_ids_within_k_only()
    {
        Assert.Equal(0.5, RankingMetrics.RecallAt(["x", "a", "y", "b"], TwoRelevant, k: 3), 12);
        Assert.Equal(1.0, RankingMetrics.RecallAt(["x", "a", "y", "b"], TwoRelevant, k: 4), 12);
        Assert.Equal(0.0, RankingMetrics.RecallAt([], TwoRelevant, k: 10), 12);
    }

    [Fact]
    public void Reciprocal_rank_is_one_over_the_first_relevant_rank()
    {
        Assert.Equal(1.0 / 3, RankingMetrics.ReciprocalRank(["x", "y", "b", "a"], TwoRelevant), 12);
        Assert.Equal(0.0, RankingMetrics.ReciprocalRank(["x", "y"], TwoRelevant), 12);
    }

    [Fact]
    public void Ndcg_is_one_for_the_ideal_order_and_matches_a_hand_computed_value()
    {
        var graded = new Dictionary<string, double> { ["a"] = 3, ["b"] = 2, ["c"] = 1 };
        Assert.Equal(1.0, RankingMetrics.NdcgAt(["a", "b", "c"], graded, 10), 12);

        // Order c, x, a: DCG = 1/log2(2) + 3/log2(4) = 2.5; IDCG = 3 + 2/log2(3) + 1/2.
        double idcg = 3 + (2 / Math.Log2(3)) + 0.5;
        Assert.Equal(2.5 / idcg, RankingMetrics.NdcgAt(["c", "x", "a"], graded, 10), 12);
        Assert.Equal(0.0, RankingMetrics.NdcgAt(["x", "y"], graded, 10), 12);
    }

    [Fact]
    public void Ndcg_ignores_results_past_k()
    {
        Assert.Equal(0.0, RankingMetrics.NdcgAt(["x", "a"], TwoRelevant, 1), 12);
    }

    [Fact]
    public void K_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.RecallAt(["a"], TwoRelevant, 0));
    }
}
