using HybridAI.Evaluation.Evaluators;
using HybridAI.Evaluation.Tests.Golden;
using HybridAI.Generators.Grounding;

namespace HybridAI.Evaluation.Tests.Evaluators;

public sealed class GroundednessEvaluatorTests
{
    private static readonly EvidencePassage[] Evidence =
    [
        new("kb-1#1", "Refund policy", "Refunds are paid back to the original card within fourteen days of the return being received."),
        new("kb-2#4", "Shipping", "Standard parcels are delivered within three working days across mainland France."),
    ];

    [Fact]
    public void A_claim_supported_by_its_cited_passage_scores_one()
    {
        var answer = new GroundedAnswer("Refunds are paid back to the original card within fourteen days of the return being received [1].", Evidence);

        EvaluationScore score = new GroundednessEvaluator().Evaluate(GoldenText.Example(), answer);
        Assert.Equal(1, score.Value);
        Assert.True(score.Passed);
    }

    [Fact]
    public void An_unsupported_claim_lowers_the_share_and_fails()
    {
        var answer = new GroundedAnswer(
            "Refunds are paid back to the original card within fourteen days of the return being received [1]. "
            + "Customers also receive a complimentary voucher for their next purchase in our boutique [1].",
            Evidence);

        EvaluationScore score = new GroundednessEvaluator().Evaluate(GoldenText.Example(), answer);
        Assert.Equal(0.5, score.Value);
        Assert.False(score.Passed);
        Assert.True(new GroundednessEvaluator(minGrounded: 0.5).Evaluate(GoldenText.Example(), answer).Passed);
    }

    [Fact]
    public void A_true_claim_that_cites_the_wrong_passage_is_not_counted_as_supported()
    {
        var answer = new GroundedAnswer("Standard parcels are delivered within three working days across mainland France [1].", Evidence);

        EvaluationScore score = new GroundednessEvaluator().Evaluate(GoldenText.Example(), answer);
        Assert.Equal(0, score.Value);
        Assert.Contains("wrong passage", score.Detail, StringComparison.Ordinal);
    }
}
