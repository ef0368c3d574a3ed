using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Rag;
using HybridAI.Generators.Tests.Grounding;
using HybridAI.Generators.Tests.Tokenization;
using HybridAI.Generators.Tokenization;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Rag;

public class EvidencePackerTests
{
    private static int Fixed(ITokenCounter counter, string question, int reserved = 0) =>
        counter.CountTokens(EvidencePrompt.Build(question, []).First().Text) + counter.CountTokens(question) + reserved;

    // Counted again here, from the messages alone, so the packer's own arithmetic is not what is being trusted.
    private static void AssertWithinBudget(PackedPrompt packed, ITokenCounter counter, int? maxPrompt, int? maxEvidence, int reserved = 0)
    {
        string system = packed.Messages[0].Text;
        int prompt = counter.CountTokens(system) + counter.CountTokens(packed.Messages[1].Text) + reserved;
        int at = system.IndexOf("\n\nSources:", StringComparison.Ordinal) + "\n\nSources:".Length;
        int evidence = counter.CountTokens(system[at..]);
        Assert.Equal(prompt, packed.PromptTokens);
        Assert.Equal(evidence, packed.EvidenceTokens);
        if (maxPrompt is int p)
        {
            Assert.True(prompt <= p, $"prompt {prompt} tokens > budget {p}");
        }

        if (maxEvidence is int e)
        {
            Assert.True(evidence <= e, $"evidence {evidence} tokens > budget {e}");
        }
    }

    private static void SweepPromptBudgets(ITokenCounter counter, PassageOverflow overflow)
    {
        IReadOnlyList<EvidencePassage> evidence = RagCorpus.Ranked();
        int start = Fixed(counter, RagCorpus.RefundQuestion, reserved: 11);
        int previousIncluded = 0;
        for (int budget = start; budget <= start + 1500; budget += 7)
        {
            var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = budget, ReservedTokens = 11, TokenCounter = counter, Overflow = overflow });
            PackedPrompt packed = packer.Pack(RagCorpus.RefundQuestion, evidence);
            AssertWithinBudget(packed, counter, budget, null, reserved: 11);
            Assert.Equal(evidence.Count, packed.Included.Count + packed.Dropped.Count);
            previousIncluded = packed.Included.Count;
            if (overflow == PassageOverflow.Drop)
            {
                Assert.Empty(packed.Truncated);
            }
        }

        Assert.True(previousIncluded > 10, "the largest budget should hold many passages");
    }

    [TiktokenFact]
    public void Never_exceeds_a_prompt_budget_counted_by_cl100k_cutting_at_sentences() =>
        SweepPromptBudgets(TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase), PassageOverflow.CutAtSentence);

    [TiktokenFact]
    public void Never_exceeds_a_prompt_budget_counted_by_cl100k_dropping_passages() =>
        SweepPromptBudgets(TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase), PassageOverflow.Drop);

    [Fact]
    public void Never_exceeds_a_prompt_budget_counted_by_the_estimate()
    {
        SweepPromptBudgets(EstimatedTokenCounter.Instance, PassageOverflow.CutAtSentence);
        SweepPromptBudgets(EstimatedTokenCounter.Instance, PassageOverflow.Drop);
    }

    [TiktokenTheory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(90)]
    [InlineData(333)]
    [InlineData(1200)]
    public void Never_exceeds_an_evidence_budget_counted_by_cl100k(int maxEvidence)
    {
        TiktokenEncoding counter = TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase);
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxEvidenceTokens = maxEvidence, TokenCounter = counter });

        PackedPrompt packed = packer.Pack(RagCorpus.RefundQuestion, RagCorpus.Ranked());

        AssertWithinBudget(packed, counter, null, maxEvidence);
        if (maxEvidence <= 1)
        {
            Assert.Empty(packed.Included); // no entry is a single token
        }
        else if (maxEvidence >= 90)
        {
            Assert.NotEmpty(packed.Included);
        }
    }

    [Fact]
    public void Both_budgets_hold_together()
    {
        ITokenCounter counter = EstimatedTokenCounter.Instance;
        int start = Fixed(counter, RagCorpus.RefundQuestion);
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = start + 400, MaxEvidenceTokens = 150, TokenCounter = counter });

        PackedPrompt packed = packer.Pack(RagCorpus.RefundQuestion, RagCorpus.Ranked());

        AssertWithinBudget(packed, counter, start + 400, 150);
        Assert.True(packed.EvidenceTokens > 100);
    }

    [Fact]
    public void Evidence_that_fits_is_the_plain_evidence_prompt_numbered_in_rank_order()
    {
        IReadOnlyList<EvidencePassage> evidence = KnowledgeBase.All;
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = 10_000 });

        PackedPrompt packed = packer.Pack(RagCorpus.RefundQuestion, evidence);

        IList<ChatMessage> plain = EvidencePrompt.Build(RagCorpus.RefundQuestion, evidence);
        Assert.Equal(plain[0].Text, packed.Messages[0].Text);
        Assert.Equal(plain[1].Text, packed.Messages[1].Text);
        Assert.Equal(evidence.Select(p => p.Id), (string[])packed.Messages[0].AdditionalProperties![EvidencePrompt.EvidenceIdsProperty]!);
        Assert.Equal([1, 2, 3, 4], packed.Included.Select(p => p.Number!.Value));
        Assert.Equal([0, 1, 2, 3], packed.Included.Select(p => p.Rank));
        Assert.All(packed.Included, p => Assert.Equal(PackingOutcome.Included, p.Outcome));
        Assert.Empty(packed.Dropped);
        Assert.Contains("[1] (Refund policy) Refunds are issued", packed.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("[3] (Account help (EU)) You can reset", packed.Messages[0].Text, StringComparison.Ordinal);
        Assert.StartsWith(EvidencePrompt.DefaultInstructions, packed.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_stay_consecutive_when_passages_are_dropped_and_the_grounded_client_reads_them_back()
    {
        // A big passage ranked second that does not fit: it is dropped, the smaller ones after it still go in.
        IReadOnlyList<EvidencePassage> evidence = [KnowledgeBase.Refunds, RagCorpus.Huge(400), KnowledgeBase.Shipping, KnowledgeBase.Account];
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxEvidenceTokens = 200, Overflow = PassageOverflow.Drop });

        PackedPrompt packed = packer.Pack(RagCorpus.RefundQuestion, evidence);

        Assert.Equal(["kb-refund", "kb-shipping", "kb-account"], packed.Included.Select(p => p.Passage.Id));
        Assert.Equal([1, 2, 3], packed.Included.Select(p => p.Number!.Value));
        Assert.Equal("huge", Assert.Single(packed.Dropped).Passage.Id);
        Assert.Null(packed.Dropped[0].Number);

        (string question, List<EvidencePassage> parsed) = EvidencePrompt.Parse(packed.Messages);
        Assert.Equal(RagCorpus.RefundQuestion, question);
        Assert.Equal(packed.Evidence, parsed);
    }

    [TiktokenFact]
    public void A_passage_larger_than_the_whole_budget_is_cut_at_a_sentence_boundary()
    {
        TiktokenEncoding counter = TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase);
        EvidencePassage huge = RagCorpus.Huge(20_000);
        int budget = Fixed(counter, RagCorpus.RefundQuestion) + 300;
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = budget, TokenCounter = counter });

        PackedPrompt packed = packer.Pack(RagCorpus.RefundQuestion, [huge, KnowledgeBase.Refunds]);

        AssertWithinBudget(packed, counter, budget, null);
        PackedPassage cut = packed.Passages[0];
        Assert.Equal(PackingOutcome.Truncated, cut.Outcome);
        Assert.Equal(1, cut.Number);
        Assert.StartsWith(cut.Text, huge.Text, StringComparison.Ordinal);
        Assert.EndsWith("on time.", cut.Text, StringComparison.Ordinal);
        Assert.True(cut.Text.Length > 500, "the cut should use most of the room");
        Assert.Same(cut, Assert.Single(packed.Truncated));
        Assert.Contains("[1] (Shipping log) Log line 0 records", packed.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passage_whose_first_sentence_does_not_fit_is_dropped_even_when_cutting()
    {
        var longSentence = new EvidencePassage("one", "One sentence", string.Join(' ', Enumerable.Repeat("parcel", 500)) + ".");
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxEvidenceTokens = 60 });

        PackedPrompt packed = packer.Pack("Where is my parcel?", [longSentence, KnowledgeBase.Shipping]);

        Assert.Equal(PackingOutcome.Dropped, packed.Passages[0].Outcome);
        Assert.Equal(1, packed.Passages[1].Number);
    }

    [Fact]
    public void Instructions_and_question_over_the_budget_throw_naming_the_numbers_but_not_the_question()
    {
        const string Secret = "My card 4970 1012 3456 7890 was charged twice, please refund it";
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = 40 });
        int needed = Fixed(EstimatedTokenCounter.Instance, Secret);

        var error = Assert.Throws<PromptBudgetExceededException>(() => packer.Pack(Secret, KnowledgeBase.All));

        Assert.Equal(40, error.Budget);
        Assert.Equal(needed, error.RequiredTokens);
        Assert.Contains("40 tokens", error.Message, StringComparison.Ordinal);
        Assert.Contains($"need {needed}", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxPromptTokens", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4970", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("charged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_exactly_the_size_of_instructions_and_question_packs_no_evidence()
    {
        int exact = Fixed(EstimatedTokenCounter.Instance, RagCorpus.RefundQuestion);
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = exact });

        PackedPrompt packed = packer.Pack(RagCorpus.RefundQuestion, KnowledgeBase.All);

        Assert.Empty(packed.Included);
        Assert.Equal(exact, packed.PromptTokens);
    }

    [Fact]
    public void Custom_instructions_are_used_and_counted()
    {
        const string Instructions = "Réponds en français, en citant chaque source [n]. Sans source, dis-le.";
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = 2000, Instructions = Instructions });

        PackedPrompt packed = packer.Pack("Quel est le délai de remboursement ?", KnowledgeBase.All);

        Assert.StartsWith(Instructions + "\n\nSources:\n[1] (", packed.Messages[0].Text, StringComparison.Ordinal);
        AssertWithinBudget(packed, EstimatedTokenCounter.Instance, 2000, null);
    }

    [Fact]
    public void Bad_options_and_evidence_are_named()
    {
        Assert.Contains("MaxPromptTokens", Assert.Throws<ArgumentException>(() => new EvidencePacker(new EvidencePackingOptions())).Message, StringComparison.Ordinal);
        Assert.Equal("MaxPromptTokens", Assert.Throws<ArgumentOutOfRangeException>(() => new EvidencePacker(new EvidencePackingOptions { MaxPromptTokens = 0 })).ParamName);
        Assert.Equal("ReservedTokens", Assert.Throws<ArgumentOutOfRangeException>(() => new EvidencePacker(new EvidencePackingOptions { MaxEvidenceTokens = 5, ReservedTokens = -1 })).ParamName);
        var packer = new EvidencePacker(new EvidencePackingOptions { MaxEvidenceTokens = 100 });
        Assert.Contains("evidence[1]", Assert.Throws<ArgumentException>(() => packer.Pack("q", [KnowledgeBase.Refunds, null!])).Message, StringComparison.Ordinal);
        Assert.Contains("evidence[0].Text", Assert.Throws<ArgumentException>(() => packer.Pack("q", [new EvidencePassage("a", "b", null!)])).Message, StringComparison.Ordinal);
    }
}
