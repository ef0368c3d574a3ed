using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using Microsoft.Extensions.AI;

namespace HybridAI.Governance.Tests.Anonymization;

public class PiiMaskingChatClientTests
{
    private static readonly Anonymizer Anonymizer = new(PiiDetector.CreateDefault());

    [Fact]
    public async Task The_model_sees_placeholders_and_the_caller_gets_the_reidentified_answer()
    {
        var server = new ScriptedOpenAIServer().Answer("Dear <PERSON_1>, we will reply to <EMAIL_1>.");
        using var chat = server.Endpoint().CreateChatClient().WithPiiMasking(Anonymizer, new PiiMaskingChatOptions { ReidentifyResponses = true });
        var scope = new PiiVault();
        var response = await chat.GetResponseAsync("Bonjour, je m'appelle Marie Dupont, mail marie.dupont@example.fr", new ChatOptions().WithPiiScope(scope));

        Assert.Equal("Bonjour, je m'appelle <PERSON_1>, mail <EMAIL_1>", Assert.Single(server.PromptTexts));
        Assert.Equal("Dear Marie Dupont, we will reply to marie.dupont@example.fr.", response.Text);
        Assert.Null(response.RawRepresentation);
        // The scope stayed on this side of the wire.
        Assert.DoesNotContain(PiiMaskingChatClient.ScopeKey, server.Requests[0].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_policy_the_answer_keeps_placeholders_and_the_models_own_pii_is_masked()
    {
        var server = new ScriptedOpenAIServer().Answer("Dear <PERSON_1>, contact paul.martin@example.com.");
        using var chat = server.Endpoint().CreateChatClient().WithPiiMasking(Anonymizer);
        var response = await chat.GetResponseAsync("my name is John Smith");
        Assert.Equal("Dear <PERSON_1>, contact <EMAIL_1>.", response.Text);
    }

    [Fact]
    public async Task Pseudonyms_stay_the_same_across_the_turns_of_a_conversation()
    {
        var server = new ScriptedOpenAIServer().Answer("Noted, <PERSON_1>.").Answer("Sent to <EMAIL_1>, <PERSON_1>.");
        using var chat = server.Endpoint().CreateChatClient().WithPiiMasking(Anonymizer, new PiiMaskingChatOptions { ReidentifyResponses = true });
        var scope = new PiiVault();
        List<ChatMessage> history = [new(ChatRole.User, "Hello, my name is John Smith")];
        var first = await chat.GetResponseAsync(history, new ChatOptions().WithPiiScope(scope));
        history.AddRange(first.Messages);
        history.Add(new(ChatRole.User, "Please write to jane@example.com"));
        var second = await chat.GetResponseAsync(history, new ChatOptions().WithPiiScope(scope));

        Assert.Equal("Noted, John Smith.", first.Text);
        Assert.Equal("Sent to jane@example.com, John Smith.", second.Text);
        var prompts = server.PromptTexts.ToList();
        Assert.Equal(["Hello, my name is <PERSON_1>", "Hello, my name is <PERSON_1>", "Noted, <PERSON_1>.", "Please write to <EMAIL_1>"], prompts);
    }

    [Fact]
    public async Task A_streamed_answer_split_at_every_offset_over_the_wire_equals_the_whole_answer_checked()
    {
        const string answer = "Bonjour <PERSON_1>, je transmets à jean.dupont@example.fr et au 06 12 34 56 78. Bonne journée.";
        var expected = "Bonjour Marie Dupont, je transmets à <EMAIL_2> et au <PHONE_1>. Bonne journée.";
        var options = new PiiMaskingChatOptions { ReidentifyResponses = true, HoldBack = 48 };
        for (var at = 0; at <= answer.Length; at++)
        {
            var server = new ScriptedOpenAIServer().Answer(answer[..at], answer[at..]);
            using var chat = server.Endpoint().CreateChatClient().WithPiiMasking(Anonymizer, options);
            var updates = new List<ChatResponseUpdate>();
            await foreach (var update in chat.GetStreamingResponseAsync("je m'appelle Marie Dupont, mail marie@example.fr"))
                updates.Add(update);

            Assert.Equal(expected, string.Concat(updates.Select(u => u.Text)));
            foreach (var update in updates)
            {
                Assert.DoesNotContain("dupont@", update.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("jean.d", update.Text, StringComparison.Ordinal);
                Assert.DoesNotContain("56 78", update.Text, StringComparison.Ordinal);
                Assert.Null(update.RawRepresentation);
            }
            var response = updates.ToChatResponse();
            Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
            Assert.Equal(30, response.Usage!.TotalTokenCount);
        }
    }

    [Fact]
    public async Task Streaming_and_non_streaming_answers_agree()
    {
        var letters = string.Concat(Enumerable.Repeat(Samples.Letter + "\n\n", 4));
        var chunks = letters.Chunk(5).Select(c => new string(c)).ToArray();
        var server = new ScriptedOpenAIServer().Answer(chunks).Answer(chunks);
        using var chat = server.Endpoint().CreateChatClient().WithPiiMasking(Anonymizer);
        var whole = await chat.GetResponseAsync("hello");
        var streamed = new List<string>();
        await foreach (var update in chat.GetStreamingResponseAsync("hello"))
            streamed.Add(update.Text);
        Assert.Equal(Anonymizer.Anonymize(letters, new PiiVault()), whole.Text);
        Assert.Equal(whole.Text, string.Concat(streamed));
        Assert.True(streamed.Count(s => s.Length > 0) > 1, "the answer should come in several pieces");
    }
}
