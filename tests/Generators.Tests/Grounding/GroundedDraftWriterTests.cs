using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

public class GroundedDraftWriterTests
{
    private static EvidencePassage PassageOf(IReadOnlyList<EvidencePassage> evidence, string id) => evidence.Single(p => p.Id == id);

    [Fact]
    public void Every_body_sentence_is_quoted_from_the_passage_it_cites()
    {
        IReadOnlyList<EvidencePassage> evidence = KnowledgeBase.English;

        GroundedDraft draft = new GroundedDraftWriter().WriteReply("How long do refunds to my payment method take, and what about gift cards?", evidence);

        Assert.True(draft.Grounded);
        Assert.NotEmpty(draft.Sentences);
        foreach (DraftSentence sentence in draft.Sentences)
        {
            Citation citation = draft.Citations.Single(c => c.Number == sentence.CitationNumber);
            Assert.Equal(sentence.EvidenceId, citation.EvidenceId);
            Assert.Contains(sentence.Text, PassageOf(evidence, citation.EvidenceId).Text, StringComparison.Ordinal);
            Assert.Contains($"{sentence.Text} [{sentence.CitationNumber}]", draft.Text, StringComparison.Ordinal);
            Assert.Contains($"[{citation.Number}] {citation.Source}", draft.Text, StringComparison.Ordinal);
        }

        Assert.Contains(draft.Sentences, s => s.Text == "Refunds are issued to the original payment method within 5 business days.");
        Assert.Contains(draft.Sentences, s => s.Text == "Refunds for gift cards are issued as store credit.");
        Assert.DoesNotContain(draft.Sentences, s => s.Text.Contains("password", StringComparison.Ordinal));
    }

    [Fact]
    public void Citations_are_numbered_by_first_use_and_sentences_keep_evidence_order()
    {
        IReadOnlyList<EvidencePassage> evidence = [KnowledgeBase.Account, KnowledgeBase.Refunds, KnowledgeBase.Shipping];

        GroundedDraft draft = new GroundedDraftWriter().WriteReply("When will my refund be issued and how long does standard shipping take?", evidence);

        Assert.Equal(["kb-refund", "kb-shipping"], draft.Citations.Select(c => c.EvidenceId));
        Assert.Equal([1, 2], draft.Citations.Select(c => c.Number));
        int[] order = [.. draft.Sentences.Select(s => draft.Text.IndexOf(s.Text, StringComparison.Ordinal))];
        Assert.Equal(order.Order(), order);
        Assert.True(draft.Text.IndexOf("Refunds are issued", StringComparison.Ordinal) < draft.Text.IndexOf("Standard shipping", StringComparison.Ordinal));
    }

    [Fact]
    public void Near_identical_evidence_sentences_are_quoted_once()
    {
        EvidencePassage first = new("a", "Refunds", "Refunds are issued to the original payment method within five business days after we receive the returned item.");
        EvidencePassage second = new("b", "Refunds (copy)", "Refunds are issued to the original payment method within 5 business days after we receive the returned item.");
        EvidencePassage other = new("c", "Gift cards", "Refunds for gift cards are issued as store credit.");
        const string question = "When are refunds issued to my payment method after the returned item arrives, and for gift cards?";

        GroundedDraft draft = new GroundedDraftWriter().WriteReply(question, [first, second, other]);
        GroundedDraft withoutPenalty = new GroundedDraftWriter(new GroundedDraftOptions { RedundancyThreshold = 1, RelevanceWeight = 1 })
            .WriteReply(question, [first, second, other]);

        Assert.Single(draft.Sentences, s => s.Text.Contains("business days after we receive", StringComparison.Ordinal));
        Assert.Contains(draft.Sentences, s => s.EvidenceId == "c");
        Assert.Equal(2, withoutPenalty.Sentences.Count(s => s.Text.Contains("business days after we receive", StringComparison.Ordinal)));
    }

    [Fact]
    public void Irrelevant_evidence_gives_an_ungrounded_english_refusal()
    {
        GroundedDraft draft = new GroundedDraftWriter().WriteReply("Can I change the colour of my avatar?", KnowledgeBase.English);

        Assert.False(draft.Grounded);
        Assert.Equal("en", draft.Language);
        Assert.Empty(draft.Sentences);
        Assert.Empty(draft.Citations);
        Assert.Contains("Our knowledge base does not cover this question, so an agent will follow up with you shortly.", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sources:", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Irrelevant_evidence_gives_an_ungrounded_french_refusal()
    {
        GroundedDraft draft = new GroundedDraftWriter().WriteReply("Bonjour, comment changer la couleur de mon avatar ?", KnowledgeBase.All);

        Assert.False(draft.Grounded);
        Assert.Equal("fr", draft.Language);
        Assert.StartsWith("Bonjour,", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Notre base de connaissances ne couvre pas cette question ; un conseiller va revenir vers vous rapidement.", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_evidence_at_all_is_ungrounded()
    {
        GroundedDraft draft = new GroundedDraftWriter().WriteReply("How long do refunds take?", []);

        Assert.False(draft.Grounded);
        Assert.Contains("does not cover", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_french_ticket_gets_the_french_template()
    {
        GroundedDraft draft = new GroundedDraftWriter().WriteReply("Bonjour, dans quel délai vais-je recevoir mon remboursement ?", KnowledgeBase.All);

        Assert.True(draft.Grounded);
        Assert.Equal("fr", draft.Language);
        Assert.StartsWith("Bonjour,\n\nMerci de nous avoir contactés.", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Voici ce qu'indique notre documentation :", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Sources :\n[1] Politique de remboursement", draft.Text, StringComparison.Ordinal);
        Assert.EndsWith("Cordialement,\nLe service client", draft.Text, StringComparison.Ordinal);
        Assert.All(draft.Sentences, s => Assert.Equal("kb-remb-fr", s.EvidenceId));
    }

    [Fact]
    public void An_explicit_language_overrides_the_guess()
    {
        GroundedDraft draft = new GroundedDraftWriter(new GroundedDraftOptions { Language = "fr" })
            .WriteReply("How long do refunds take?", KnowledgeBase.English);

        Assert.Equal("fr", draft.Language);
        Assert.StartsWith("Bonjour,", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_input_gives_byte_identical_output()
    {
        const string question = "How long does shipping take and when do refunds arrive?";

        GroundedDraft first = new GroundedDraftWriter().WriteReply(question, KnowledgeBase.All);
        GroundedDraft second = new GroundedDraftWriter().WriteReply(question, [.. KnowledgeBase.All]);

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Sentences, second.Sentences);
        Assert.Equal(first.Citations, second.Citations);
    }

    [Fact]
    public void Max_sentences_caps_the_body()
    {
        GroundedDraft draft = new GroundedDraftWriter(new GroundedDraftOptions { MaxSentences = 1 })
            .WriteReply("Refunds, shipping, tracking, passwords: tell me everything about refunds shipping tracking passwords", KnowledgeBase.English);

        Assert.Single(draft.Sentences);
    }

    [Fact]
    public void Slots_fill_greeting_intro_and_signature()
    {
        var slots = new Dictionary<string, string>
        {
            [ReplySlots.Customer] = "{{first_name}}",
            [ReplySlots.Category] = "billing",
            [ReplySlots.Signature] = "Alex, Billing team",
        };

        GroundedDraft draft = new GroundedDraftWriter().WriteReply("How long do refunds take?", KnowledgeBase.English, slots);

        Assert.StartsWith("Hello {{first_name}},\n\nThank you for contacting us about billing.\n\nHere is what our documentation says:\n", draft.Text, StringComparison.Ordinal);
        Assert.EndsWith("Alex, Billing team", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Abbreviations_in_evidence_are_quoted_whole()
    {
        EvidencePassage passage = new("p", "Escalations", "Disputes go to Mr. Smith, e.g. chargebacks over 1.5 percent. Call the front desk for anything else.");

        GroundedDraft draft = new GroundedDraftWriter().WriteReply("Who handles chargeback disputes?", [passage]);

        Assert.Equal("Disputes go to Mr. Smith, e.g. chargebacks over 1.5 percent.", Assert.Single(draft.Sentences).Text);
    }

    [Fact]
    public void A_summary_has_no_greeting_and_cites_its_sentences()
    {
        GroundedDraft draft = new GroundedDraftWriter(new GroundedDraftOptions { MaxSentences = 2 }).WriteSummary([KnowledgeBase.Refunds, KnowledgeBase.Shipping]);

        Assert.True(draft.Grounded);
        Assert.Equal(2, draft.Sentences.Count);
        Assert.StartsWith(draft.Sentences[0].Text, draft.Text, StringComparison.Ordinal);
        Assert.Contains("Sources:", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_focused_summary_keeps_to_its_focus()
    {
        GroundedDraft draft = new GroundedDraftWriter().WriteSummary(KnowledgeBase.English, focus: "password security");

        Assert.NotEmpty(draft.Sentences);
        Assert.All(draft.Sentences, s => Assert.Equal("kb-account", s.EvidenceId));
    }

    [Fact]
    public void A_template_slot_without_a_value_is_an_error_naming_the_slot()
    {
        var template = new ReplyTemplate("{greeting} Ticket {ticket_id}: {body}");

        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            new GroundedDraftWriter().WriteReply("How long do refunds take?", KnowledgeBase.English, template: template));

        Assert.Contains("'{ticket_id}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_template_renders_custom_slots()
    {
        var template = new ReplyTemplate("Ticket {ticket_id}\n{body}\n{sources}", "en") { SourcesHeading = "Refs:" };

        GroundedDraft draft = new GroundedDraftWriter().WriteReply(
            "How long do refunds take?", KnowledgeBase.English, new Dictionary<string, string> { ["ticket_id"] = "T-42" }, template);

        Assert.StartsWith("Ticket T-42\nHere is what our documentation says:\nRefunds", draft.Text, StringComparison.Ordinal);
        Assert.Contains("Refs:\n[1] Refund policy", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_filled_slots_cannot_be_supplied()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new GroundedDraftWriter().WriteReply(
            "How long do refunds take?", KnowledgeBase.English, new Dictionary<string, string> { [ReplySlots.Body] = "anything" }));

        Assert.Contains("'{body}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_passage_field_is_reported_with_its_index()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new GroundedDraftWriter().WriteReply(
            "How long do refunds take?", [KnowledgeBase.Refunds, new EvidencePassage("x", "y", null!)]));

        Assert.Contains("evidence[1].Text", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(GroundedDraftOptions.MaxSentences))]
    [InlineData(nameof(GroundedDraftOptions.MinSupport))]
    [InlineData(nameof(GroundedDraftOptions.RedundancyThreshold))]
    [InlineData(nameof(GroundedDraftOptions.RelevanceWeight))]
    [InlineData(nameof(GroundedDraftOptions.Language))]
    public void Bad_options_are_rejected_by_name(string option)
    {
        GroundedDraftOptions options = option switch
        {
            nameof(GroundedDraftOptions.MaxSentences) => new() { MaxSentences = 0 },
            nameof(GroundedDraftOptions.MinSupport) => new() { MinSupport = 1.5 },
            nameof(GroundedDraftOptions.RedundancyThreshold) => new() { RedundancyThreshold = 0 },
            nameof(GroundedDraftOptions.RelevanceWeight) => new() { RelevanceWeight = -0.1 },
            _ => new() { Language = "de" },
        };

        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => new GroundedDraftWriter(options));

        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Evidence_passages_come_from_search_hits()
    {
        var hit = new HybridAI.Abstractions.Retrieval.SearchHit("chunk-7", "doc-1", "Refunds take 5 days.", 0.9, "Refund policy", new(0, 20));

        EvidencePassage passage = EvidencePassage.FromHit(hit);

        Assert.Equal(new EvidencePassage("chunk-7", "Refund policy", "Refunds take 5 days."), passage);
        Assert.Equal([passage], EvidencePassage.FromHits([hit]));
    }
}
