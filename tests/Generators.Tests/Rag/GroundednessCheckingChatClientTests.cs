using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Rag;
using HybridAI.Generators.Tests.Grounding;
using HybridAI.Generators.Tests.Tools;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Rag;

public class GroundednessCheckingChatClientTests
{
    private const string Question = "How long do refunds to my payment method take, and what about gift cards or standard shipping?";

    // The first sentence is quoted from [1], the second is made up, the third is true but cites the wrong source.
    private const string MixedAnswer =
        "Refunds are issued to the original payment method within 5 business days [1]. Refunds are paid in cash at the airport lounge [1]. Standard shipping takes 3 to 5 days [1].";

    private static GroundednessReport ReportOf(ChatResponse response) =>
        Assert.IsType<GroundednessReport>(response.AdditionalProperties![GroundednessCheckingChatClient.ReportProperty]);

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task Every_sentence_of_the_grounded_client_passes_the_check(string language)
    {
        (string question, IReadOnlyList<EvidencePassage> evidence) = language == "en"
            ? (Question, KnowledgeBase.English)
            : ("Sous combien de jours les remboursements sont-ils effectués, et pour les cartes cadeaux ?", (IReadOnlyList<EvidencePassage>)KnowledgeBase.All);
        using var client = new GroundedChatClient().WithGroundednessCheck();

        ChatResponse response = await client.GetResponseAsync(EvidencePrompt.Build(question, evidence));

        GroundednessReport report = ReportOf(response);
        var draft = Assert.IsType<GroundedDraft>(response.AdditionalProperties![GroundedChatClient.DraftProperty]);
        Assert.True(draft.Grounded);
        Assert.Equal(draft.Sentences.Count, report.Claims);
        Assert.All(report.Sentences.Where(s => s.Kind == AnswerSentenceKind.Claim), s =>
        {
            Assert.True(s.IsSupported, s.ToString());
            Assert.True(s.CitationSupported, s.ToString());
            Assert.Equal(1.0, s.Support, 6);
        });
        Assert.Equal(draft.Sentences.Select(s => s.EvidenceId), report.Sentences.Where(s => s.Kind == AnswerSentenceKind.Claim).Select(s => s.EvidenceId));
        Assert.Contains(report.Sentences, s => s.Kind == AnswerSentenceKind.SourceList);
        Assert.True(report.IsGrounded);
        Assert.Equal(1.0, report.GroundedRatio);
    }

    [Fact]
    public async Task The_grounded_client_s_refusal_passes_as_a_refusal()
    {
        using var client = new GroundedChatClient().WithGroundednessCheck();

        ChatResponse response = await client.GetResponseAsync(EvidencePrompt.Build("Can I pay with bitcoin?", [KnowledgeBase.Account]));

        GroundednessReport report = ReportOf(response);
        Assert.True(report.Refused);
        Assert.Equal(0, report.Claims);
        Assert.True(report.IsGrounded);
    }

    [Fact]
    public async Task Keep_leaves_the_text_and_reports_the_flagged_sentences()
    {
        using var client = new ScriptedChatClient(ScriptedChatClient.Answer(MixedAnswer)).WithGroundednessCheck();

        ChatResponse response = await client.GetResponseAsync(EvidencePrompt.Build(Question, KnowledgeBase.English));

        Assert.Equal(MixedAnswer, response.Text);
        GroundednessReport report = ReportOf(response);
        Assert.Equal([false, true, true], report.Sentences.Select(s => s.IsFlagged));
        Assert.Equal(1, report.WrongCitations);
        Assert.Equal(2.0 / 3, report.GroundedRatio, 6);
    }

    [Fact]
    public async Task Mark_puts_the_marker_after_each_flagged_sentence()
    {
        using var client = new ScriptedChatClient(ScriptedChatClient.Answer(MixedAnswer))
            .WithGroundednessCheck(new GroundednessOptions { UnsupportedSentences = UnsupportedSentenceAction.Mark, UnsupportedMarker = "(?)" });

        ChatResponse response = await client.GetResponseAsync(EvidencePrompt.Build(Question, KnowledgeBase.English));

        Assert.Equal(
            "Refunds are issued to the original payment method within 5 business days [1]. Refunds are paid in cash at the airport lounge [1]. (?) Standard shipping takes 3 to 5 days [1]. (?)",
            response.Text);
    }

    [Fact]
    public async Task Drop_removes_the_flagged_sentences()
    {
        using var client = new ScriptedChatClient(ScriptedChatClient.Answer(MixedAnswer))
            .WithGroundednessCheck(new GroundednessOptions { UnsupportedSentences = UnsupportedSentenceAction.Drop });

        ChatResponse response = await client.GetResponseAsync(EvidencePrompt.Build(Question, KnowledgeBase.English));

        Assert.Equal("Refunds are issued to the original payment method within 5 business days [1]. ", response.Text);
        Assert.Equal(3, ReportOf(response).Sentences.Count); // the report describes what the model wrote
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.NotNull(response.Usage);
    }

    [Fact]
    public async Task A_request_without_sources_is_never_rewritten()
    {
        using var client = new ScriptedChatClient(ScriptedChatClient.Answer(MixedAnswer))
            .WithGroundednessCheck(new GroundednessOptions { UnsupportedSentences = UnsupportedSentenceAction.Drop });

        ChatResponse response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, Question)]);

        Assert.Equal(MixedAnswer, response.Text); // nothing to ground in: dropping would delete the whole answer
        Assert.NotEmpty(ReportOf(response).Sentences);
    }

    [Fact]
    public async Task Streaming_with_keep_passes_updates_through_and_ends_with_the_report()
    {
        using var client = new GroundedChatClient().WithGroundednessCheck();
        IList<ChatMessage> prompt = EvidencePrompt.Build(Question, KnowledgeBase.English);

        var updates = new List<ChatResponseUpdate>();
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(prompt))
        {
            updates.Add(update);
        }

        ChatResponse whole = await new GroundedChatClient().GetResponseAsync(prompt);
        Assert.Equal(whole.Text, string.Concat(updates.Select(u => u.Text)));
        var report = Assert.IsType<GroundednessReport>(updates[^1].AdditionalProperties![GroundednessCheckingChatClient.ReportProperty]);
        Assert.True(report.IsGrounded);
        Assert.True(report.Claims > 0);
    }

    [Fact]
    public async Task Streaming_with_drop_sends_the_rewritten_answer()
    {
        using var client = new ScriptedChatClient(ScriptedChatClient.Answer(MixedAnswer))
            .WithGroundednessCheck(new GroundednessOptions { UnsupportedSentences = UnsupportedSentenceAction.Drop });

        var updates = new List<ChatResponseUpdate>();
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(EvidencePrompt.Build(Question, KnowledgeBase.English)))
        {
            updates.Add(update);
        }

        ChatResponse response = updates.ToChatResponse();
        Assert.Equal("Refunds are issued to the original payment method within 5 business days [1]. ", response.Text);
        Assert.Equal(2, ReportOf(response).Flagged.Count);
    }
}
