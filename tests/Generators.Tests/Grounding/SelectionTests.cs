using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

/// <summary>Redundancy-aware selection: near-duplicates from different chunks are quoted once, and a second aspect of the question beats a third way of saying the first.</summary>
public class SelectionTests
{
    private const string TwoAspects = "How long does a refund to my card take, and what happens to a gift card refund?";

    private static readonly EvidencePassage[] Evidence =
    [
        new("refund-a", "Refunds", "A refund to your card takes 5 business days after the return arrives."),
        new("refund-b", "Refund FAQ", "Card refunds take about 5 business days once we receive the return."),
        new("refund-c", "Returns", "Your card refund takes up to 5 business days from the day the return arrives."),
        new("gift", "Gift cards", "Gift cards are never paid back in cash but turn into store credit on your account."),
    ];

    [Fact]
    public void A_second_aspect_of_the_question_beats_a_rephrasing_of_the_first()
    {
        GroundedDraft diverse = new GroundedDraftWriter(new GroundedDraftOptions { MaxSentences = 2 }).WriteReply(TwoAspects, Evidence);
        GroundedDraft relevanceOnly = new GroundedDraftWriter(new GroundedDraftOptions { MaxSentences = 2, RelevanceWeight = 1, RedundancyThreshold = 1 })
            .WriteReply(TwoAspects, Evidence);

        Assert.Contains(diverse.Sentences, s => s.EvidenceId == "gift");
        Assert.Single(diverse.Sentences, s => s.EvidenceId.StartsWith("refund-", StringComparison.Ordinal));
        Assert.DoesNotContain(relevanceOnly.Sentences, s => s.EvidenceId == "gift"); // the test would pass without MMR otherwise
    }

    [Fact]
    public void Near_duplicates_from_different_chunks_are_skipped_even_ranking_by_relevance_alone()
    {
        EvidencePassage[] evidence =
        [
            new("chunk-1", "Returns policy", "Refunds are issued to the original payment method within 5 business days after we receive the returned item."),
            new("chunk-2", "Returns policy (2024)", "Refunds are issued to the original payment method within five business days after we receive the returned item!"),
            new("chunk-3", "Help centre", "Refunds are issued to the original payment method within 5 business days, after we receive the returned item."),
        ];

        GroundedDraft draft = new GroundedDraftWriter(new GroundedDraftOptions { RelevanceWeight = 1, MaxSentences = 4 })
            .WriteReply("When are refunds issued to the original payment method?", evidence);

        Assert.Single(draft.Sentences);
        Assert.Single(draft.Citations);
    }
}
