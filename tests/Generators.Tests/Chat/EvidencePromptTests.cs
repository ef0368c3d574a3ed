using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Tests.Grounding;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Chat;

public class EvidencePromptTests
{
    [Fact]
    public void Builds_a_system_message_with_numbered_sources_and_a_user_question()
    {
        IList<ChatMessage> messages = EvidencePrompt.Build("How long do refunds take?", [KnowledgeBase.Refunds, KnowledgeBase.Account]);

        Assert.Equal(2, messages.Count);
        Assert.Equal(ChatRole.System, messages[0].Role);
        Assert.StartsWith(EvidencePrompt.DefaultInstructions + "\n\nSources:\n[1] (Refund policy) Refunds are issued", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("\n[2] (Account help (EU)) You can reset your password", messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(new[] { "kb-refund", "kb-account" }, messages[0].AdditionalProperties![EvidencePrompt.EvidenceIdsProperty]);
        Assert.Equal(ChatRole.User, messages[1].Role);
        Assert.Equal("How long do refunds take?", messages[1].Text);
    }

    [Fact]
    public void Custom_instructions_replace_the_default()
    {
        IList<ChatMessage> messages = EvidencePrompt.Build("Q?", [KnowledgeBase.Refunds], "Réponds en français.");

        Assert.StartsWith("Réponds en français.\n\nSources:\n[1] ", messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_back_the_question_and_the_passages()
    {
        EvidencePassage multiLine = new("kb-steps", "Steps (v2)", "Open Settings.\nThen tap Security.\n[7] (not an entry) stays text.");
        IReadOnlyList<EvidencePassage> evidence = [KnowledgeBase.Refunds, multiLine, KnowledgeBase.Account];

        (string question, List<EvidencePassage> parsed) = EvidencePrompt.Parse(EvidencePrompt.Build("How do I enable security?", evidence));

        Assert.Equal("How do I enable security?", question);
        Assert.Equal(evidence, parsed);
    }

    [Fact]
    public void Without_the_id_sidecar_the_numbers_become_the_ids()
    {
        IList<ChatMessage> built = EvidencePrompt.Build("Q?", [KnowledgeBase.Refunds, KnowledgeBase.Shipping]);
        ChatMessage[] textOnly = [new(ChatRole.System, built[0].Text), new(ChatRole.User, built[1].Text)];

        (_, List<EvidencePassage> parsed) = EvidencePrompt.Parse(textOnly);

        Assert.Equal(
            [new EvidencePassage("1", "Refund policy", KnowledgeBase.Refunds.Text), new EvidencePassage("2", "Shipping FAQ", KnowledgeBase.Shipping.Text)],
            parsed);
    }

    [Fact]
    public void Unbalanced_parentheses_in_a_source_are_made_safe()
    {
        IList<ChatMessage> built = EvidencePrompt.Build("Q?", [new EvidencePassage("x", "Notes :) and\nmore", "Refunds take 5 days.")]);

        (_, List<EvidencePassage> parsed) = EvidencePrompt.Parse(built);

        Assert.Equal(new EvidencePassage("x", "Notes :] and more", "Refunds take 5 days."), Assert.Single(parsed));
    }

    [Fact]
    public void Plain_messages_have_no_evidence()
    {
        (string question, List<EvidencePassage> parsed) = EvidencePrompt.Parse(
            [new ChatMessage(ChatRole.System, "You are helpful. Sources: none."), new ChatMessage(ChatRole.User, "Hi there")]);

        Assert.Equal("Hi there", question);
        Assert.Empty(parsed);
    }
}
