using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Tests.Grounding;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Chat;

public class GroundedChatClientTests
{
    private const string Question = "How long do refunds to my payment method take, and what about gift cards or standard shipping?";

    private static GroundedDraft DraftOf(ChatResponse response) => Assert.IsType<GroundedDraft>(response.AdditionalProperties![GroundedChatClient.DraftProperty]);

    [Fact]
    public async Task Answers_an_evidence_prompt_as_the_writer_would()
    {
        using var client = new GroundedChatClient();

        ChatResponse response = await client.GetResponseAsync(EvidencePrompt.Build(Question, KnowledgeBase.English));

        GroundedDraft expected = new GroundedDraftWriter().WriteReply(Question, KnowledgeBase.English);
        GroundedDraft draft = DraftOf(response);
        Assert.Equal(expected.Text, response.Text);
        Assert.Equal(expected.Sentences, draft.Sentences);
        Assert.Equal(expected.Citations, draft.Citations);
        Assert.True(draft.Grounded);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.Equal(GroundedChatClient.ModelId, response.ModelId);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Reports_approximate_usage()
    {
        using var client = new GroundedChatClient();
        IList<ChatMessage> messages = EvidencePrompt.Build(Question, KnowledgeBase.English);

        ChatResponse response = await client.GetResponseAsync(messages);

        UsageDetails usage = Assert.IsType<UsageDetails>(response.Usage);
        Assert.True(usage.InputTokenCount > messages[0].Text.Split(' ').Length / 2);
        Assert.True(usage.OutputTokenCount > response.Text.Split(' ').Length / 2);
        Assert.Equal(usage.InputTokenCount + usage.OutputTokenCount, usage.TotalTokenCount);
    }

    [Fact]
    public async Task Plain_messages_without_evidence_get_the_ungrounded_reply()
    {
        using var client = new GroundedChatClient();

        ChatResponse response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Bonjour, où est mon colis ?")]);

        Assert.False(DraftOf(response).Grounded);
        Assert.Contains("Notre base de connaissances ne couvre pas cette question", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_sends_several_updates_that_add_up_to_the_response()
    {
        using var client = new GroundedChatClient();
        IList<ChatMessage> messages = EvidencePrompt.Build(Question, KnowledgeBase.English);

        ChatResponse response = await client.GetResponseAsync(messages);
        var updates = new List<ChatResponseUpdate>();
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(messages))
        {
            updates.Add(update);
        }

        Assert.Equal(response.Text, string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(DraftOf(response).Sentences.Count + 2, updates.Count);
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        Assert.Contains(updates[^1].Contents, c => c is UsageContent);
        Assert.Equal(response.Text, updates.ToChatResponse().Text);
    }

    [Fact]
    public async Task Streaming_an_ungrounded_reply_also_adds_up()
    {
        using var client = new GroundedChatClient();
        ChatMessage[] messages = [new ChatMessage(ChatRole.User, "Can I change my avatar colour?")];

        ChatResponse response = await client.GetResponseAsync(messages);
        var text = new System.Text.StringBuilder();
        int count = 0;
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(messages))
        {
            text.Append(update.Text);
            count++;
        }

        Assert.Equal(response.Text, text.ToString());
        Assert.True(count > 1);
    }

    [Fact]
    public async Task A_cancelled_token_is_honoured()
    {
        using var client = new GroundedChatClient();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        IList<ChatMessage> messages = EvidencePrompt.Build(Question, KnowledgeBase.English);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(messages, cancellationToken: cancellation.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(messages, cancellationToken: cancellation.Token))
            {
                Assert.Fail("No update may arrive after cancellation.");
            }
        });
    }

    [Fact]
    public async Task Cancelling_mid_stream_stops_the_updates()
    {
        using var client = new GroundedChatClient();
        using var cancellation = new CancellationTokenSource();
        int received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(EvidencePrompt.Build(Question, KnowledgeBase.English), cancellationToken: cancellation.Token))
            {
                received++;
                cancellation.Cancel();
            }
        });

        Assert.Equal(1, received);
    }

    [Fact]
    public async Task Max_output_tokens_caps_the_quoted_sentences()
    {
        using var client = new GroundedChatClient();
        IList<ChatMessage> messages = EvidencePrompt.Build(Question, KnowledgeBase.English);

        ChatResponse full = await client.GetResponseAsync(messages);
        ChatResponse capped = await client.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = 20 });

        Assert.True(DraftOf(full).Sentences.Count > 1);
        Assert.Single(DraftOf(capped).Sentences);
        Assert.Equal(ChatFinishReason.Length, capped.FinishReason);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = 0 }));
    }

    [Fact]
    public async Task Slot_values_arrive_through_chat_options()
    {
        using var client = new GroundedChatClient();
        var options = new ChatOptions
        {
            AdditionalProperties = new() { [GroundedChatClient.SlotPropertyPrefix + ReplySlots.Customer] = "Sam" },
        };

        ChatResponse response = await client.GetResponseAsync(EvidencePrompt.Build(Question, KnowledgeBase.English), options);

        Assert.StartsWith("Hello Sam,", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describes_itself_through_get_service()
    {
        var writer = new GroundedDraftWriter();
        using var client = new GroundedChatClient(writer);

        Assert.Equal(GroundedChatClient.ModelId, client.GetService<ChatClientMetadata>()!.DefaultModelId);
        Assert.Same(writer, client.GetService<GroundedDraftWriter>());
        Assert.Same(client, client.GetService<IChatClient>());
        Assert.Null(client.GetService<IChatClient>("keyed"));
    }

    [Fact]
    public async Task The_grounded_flag_tells_a_workflow_when_to_route_to_a_person()
    {
        using var client = new GroundedChatClient();

        ChatResponse covered = await client.GetResponseAsync(EvidencePrompt.Build(Question, KnowledgeBase.English));
        ChatResponse notCovered = await client.GetResponseAsync(EvidencePrompt.Build("Can I change the colour of my avatar?", KnowledgeBase.English));
        ChatResponse notCoveredFr = await client.GetResponseAsync(EvidencePrompt.Build("Puis-je changer la couleur de mon avatar ?", KnowledgeBase.All));
        ChatResponseUpdate last = null!;
        await foreach (ChatResponseUpdate update in client.GetStreamingResponseAsync(EvidencePrompt.Build("Can I change the colour of my avatar?", KnowledgeBase.English)))
        {
            last = update;
        }

        Assert.Equal(true, covered.AdditionalProperties![GroundedChatClient.GroundedProperty]);
        Assert.Equal(false, notCovered.AdditionalProperties![GroundedChatClient.GroundedProperty]);
        Assert.Equal(false, last.AdditionalProperties![GroundedChatClient.GroundedProperty]);
        Assert.Contains("does not cover this question", notCovered.Text, StringComparison.Ordinal);
        Assert.Contains("ne couvre pas cette question", notCoveredFr.Text, StringComparison.Ordinal);
        Assert.Empty(DraftOf(notCovered).Citations);
        Assert.DoesNotContain("[1]", notCoveredFr.Text, StringComparison.Ordinal);
    }
}
