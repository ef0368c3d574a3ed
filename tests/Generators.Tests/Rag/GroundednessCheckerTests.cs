using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Rag;
using HybridAI.Generators.Tests.Grounding;

namespace HybridAI.Generators.Tests.Rag;

public class GroundednessCheckerTests
{
    // [1] Refunds, [2] Shipping, [3] Account, [4] French refunds.
    private static readonly IReadOnlyList<EvidencePassage> Evidence = KnowledgeBase.All;

    private static GroundednessReport Check(string answer, GroundednessOptions? options = null) => new GroundednessChecker(options).Check(answer, Evidence);

    private static SentenceGrounding Claim(GroundednessReport report) => Assert.Single(report.Sentences, s => s.Kind == AnswerSentenceKind.Claim);

    [Fact]
    public void A_sentence_quoted_from_the_cited_source_is_supported()
    {
        GroundednessReport report = Check("Refunds are issued to the original payment method within 5 business days [1].");

        SentenceGrounding sentence = Claim(report);
        Assert.True(sentence.IsSupported);
        Assert.Equal(1.0, sentence.Support, 6);
        Assert.Equal([1], sentence.Citations);
        Assert.True(sentence.CitationSupported);
        Assert.Equal(1, sentence.EvidenceNumber);
        Assert.Equal("kb-refund", sentence.EvidenceId);
        Assert.Equal("Refunds are issued to the original payment method within 5 business days.", sentence.EvidenceSentence);
        Assert.False(sentence.IsFlagged);
        Assert.True(report.IsGrounded);
        Assert.Equal(1.0, report.GroundedRatio);
    }

    [Theory]
    [InlineData("Refunds are paid in cash at any of our stores within the hour [1].")]
    [InlineData("Gift cards can be exchanged for cash at the airport lounge.")]
    [InlineData("Our loyalty programme doubles every points balance on birthdays [2].")]
    public void A_fabricated_sentence_is_flagged(string fabricated)
    {
        GroundednessReport report = Check(fabricated);

        SentenceGrounding sentence = Claim(report);
        Assert.False(sentence.IsSupported);
        Assert.True(sentence.IsFlagged);
        Assert.True(sentence.Support < 0.6, $"support {sentence.Support}");
        Assert.False(report.IsGrounded);
        Assert.Equal(0.0, report.GroundedRatio);
    }

    [Fact]
    public void A_changed_number_makes_an_otherwise_quoted_sentence_unsupported()
    {
        SentenceGrounding sentence = Claim(Check("Refunds are issued to the original payment method within 30 business days [1]."));

        Assert.True(sentence.Support >= 0.6);
        Assert.True(sentence.HasUnsupportedNumber);
        Assert.False(sentence.IsSupported);
        Assert.True(sentence.IsFlagged);
        Assert.False(Claim(Check("Refunds are issued to the original payment method within 30 business days [1].", new GroundednessOptions { CheckNumbers = false })).IsFlagged);
    }

    [Fact]
    public void A_true_sentence_citing_the_wrong_source_is_caught()
    {
        GroundednessReport report = Check("Express shipping costs 9.99 EUR, e.g. for urgent orders [1].");

        SentenceGrounding sentence = Claim(report);
        Assert.True(sentence.IsSupported);
        Assert.Equal(2, sentence.EvidenceNumber);
        Assert.False(sentence.CitationSupported);
        Assert.True(sentence.CitedSupport < sentence.Support);
        Assert.True(sentence.IsFlagged);
        Assert.Equal(1, report.WrongCitations);
        Assert.Equal(1.0, report.GroundedRatio); // supported by the evidence, just not by what it cites
        Assert.False(report.IsGrounded);
    }

    [Theory]
    [InlineData("Standard shipping takes 3 to 5 days and you can reset your password from the login page [2][3].", new[] { 2, 3 })]
    [InlineData("Standard shipping takes 3 to 5 days and you can reset your password from the login page [2, 3].", new[] { 2, 3 })]
    [InlineData("Standard shipping takes 3 to 5 days and you can reset your password from the login page [3; 2].", new[] { 3, 2 })]
    [InlineData("Standard shipping takes 3 to 5 days and you can reset your password from the login page [1-3].", new[] { 1, 2, 3 })]
    public void Citation_lists_are_read_and_checked_together(string answer, int[] cited)
    {
        SentenceGrounding sentence = Claim(Check(answer));

        Assert.Equal(cited, sentence.Citations);
        Assert.True(sentence.CitationSupported);
    }

    [Fact]
    public void A_sentence_joining_two_adjacent_evidence_sentences_is_supported()
    {
        SentenceGrounding sentence = Claim(Check("Refunds are issued to the original payment method within 5 business days, and refunds for gift cards are issued as store credit [1]."));

        Assert.True(sentence.IsSupported, $"support {sentence.Support}");
        Assert.True(sentence.CitationSupported);
    }

    [Fact]
    public void A_marker_after_the_full_stop_belongs_to_the_sentence_before_it()
    {
        GroundednessReport report = Check("Standard shipping takes 3 to 5 days. [2] You can reset your password from the login page. [3]");

        Assert.Equal(2, report.Claims);
        Assert.Equal("Standard shipping takes 3 to 5 days. [2]", report.Sentences[0].Text);
        Assert.Equal([2], report.Sentences[0].Citations);
        Assert.Equal("You can reset your password from the login page. [3]", report.Sentences[1].Text);
        Assert.Equal([3], report.Sentences[1].Citations);
        Assert.True(report.IsGrounded);
    }

    [Fact]
    public void Citing_a_source_the_prompt_does_not_have_is_a_wrong_citation()
    {
        SentenceGrounding sentence = Claim(Check("Standard shipping takes 3 to 5 days [9]."));

        Assert.True(sentence.IsSupported);
        Assert.False(sentence.CitationSupported);
        Assert.True(sentence.IsFlagged);
    }

    [Fact]
    public void French_answers_match_accented_evidence_without_their_accents()
    {
        GroundednessReport report = Check("Les remboursements sont effectues sur le moyen de paiement d'origine sous 5 jours ouvres [4]. Les cartes cadeaux sont remboursees en avoir [4].");

        Assert.Equal(2, report.Claims);
        Assert.True(report.IsGrounded);
        Assert.All(report.Sentences, s => Assert.Equal("kb-remb-fr", s.EvidenceId));
        Assert.False(Check("Les remboursements sont versés en espèces au guichet de la gare [4].").IsGrounded);
    }

    [Theory]
    [InlineData("Our knowledge base does not cover this question, so an agent will follow up with you shortly.")]
    [InlineData("Notre base de connaissances ne couvre pas cette question ; un conseiller va revenir vers vous rapidement.")]
    [InlineData("I'm sorry, the sources don’t cover international warranties.")]
    public void A_refusal_is_not_a_claim(string refusal)
    {
        GroundednessReport report = Check(refusal);

        Assert.Equal(AnswerSentenceKind.Refusal, Assert.Single(report.Sentences).Kind);
        Assert.True(report.Refused);
        Assert.Equal(0, report.Claims);
        Assert.True(report.IsGrounded);
    }

    [Fact]
    public void Greetings_lead_ins_signatures_and_the_sources_list_are_not_claims()
    {
        const string Answer = "Hello Ms. Martin,\n\nThank you for contacting us.\n\nHere is what our documentation says:\nStandard shipping takes 3 to 5 days. [1]\n\n" +
            "Sources:\n[1] Shipping FAQ\n\nBest regards,\nCustomer Support";

        GroundednessReport report = new GroundednessChecker().Check(Answer, [KnowledgeBase.Shipping]);

        Assert.Equal(
            [AnswerSentenceKind.Framing, AnswerSentenceKind.Framing, AnswerSentenceKind.Framing, AnswerSentenceKind.Claim, AnswerSentenceKind.SourceList, AnswerSentenceKind.Framing],
            report.Sentences.Select(s => s.Kind));
        Assert.Equal("Sources:\n[1] Shipping FAQ", report.Sentences[4].Text);
        Assert.Equal(Answer.IndexOf("Sources:", StringComparison.Ordinal), report.Sentences[4].Start);
        Assert.True(report.IsGrounded);
    }

    [Theory]
    [InlineData("Shipping FAQ", true)]
    [InlineData("Refund policy", false)]
    public void Markers_are_read_through_the_answer_s_own_sources_list(string listedSource, bool supported)
    {
        // In the prompt, Shipping FAQ is [2]; the answer numbers its sources itself.
        string answer = $"Standard shipping takes 3 to 5 days [1].\n\nSources:\n[1] {listedSource}";

        SentenceGrounding sentence = Claim(Check(answer));

        Assert.Equal([1], sentence.Citations);
        Assert.Equal(supported, sentence.CitationSupported);
    }

    [Fact]
    public void Sentence_positions_point_into_the_answer()
    {
        const string Answer = "Standard shipping takes 3 to 5 days [2]. Refunds are paid in cash at any of our stores [1]!";

        GroundednessReport report = Check(Answer);

        Assert.All(report.Sentences, s => Assert.Equal(s.Text, Answer.Substring(s.Start, s.Text.Length)));
        Assert.Equal([false, true], report.Sentences.Select(s => s.IsFlagged));
        Assert.Equal(0.5, report.GroundedRatio);
    }

    [Fact]
    public void Without_evidence_every_claim_is_unsupported()
    {
        GroundednessReport report = new GroundednessChecker().Check("Standard shipping takes 3 to 5 days.", []);

        Assert.False(Claim(report).IsSupported);
        Assert.Null(Claim(report).EvidenceId);
    }

    [Fact]
    public void Uncited_claims_are_flagged_only_when_citations_are_required()
    {
        const string Answer = "Standard shipping takes 3 to 5 days.";

        Assert.True(Check(Answer).IsGrounded);
        Assert.False(Check(Answer, new GroundednessOptions { RequireCitations = true }).IsGrounded);
    }

    [Fact]
    public void Reads_the_evidence_of_an_evidence_prompt()
    {
        var prompt = EvidencePrompt.Build("Shipping?", [KnowledgeBase.Account, KnowledgeBase.Shipping]);

        GroundednessReport report = new GroundednessChecker().CheckAgainstPrompt("Standard shipping takes 3 to 5 days [2].", prompt);

        Assert.True(Claim(report).CitationSupported);
        Assert.Equal("kb-shipping", Claim(report).EvidenceId);
    }

    [Fact]
    public void Bad_options_are_named()
    {
        Assert.Equal("MinSupport", Assert.Throws<ArgumentOutOfRangeException>(() => new GroundednessChecker(new GroundednessOptions { MinSupport = 0 })).ParamName);
        Assert.Contains("RefusalPhrases[1]", Assert.Throws<ArgumentException>(() => new GroundednessChecker(new GroundednessOptions { RefusalPhrases = ["no idea", " "] })).Message, StringComparison.Ordinal);
        Assert.Contains("evidence[0].Source", Assert.Throws<ArgumentException>(() => new GroundednessChecker().Check("x", [new EvidencePassage("a", null!, "t")])).Message, StringComparison.Ordinal);
    }
}
