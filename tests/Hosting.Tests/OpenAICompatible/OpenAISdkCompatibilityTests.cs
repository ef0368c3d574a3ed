using HybridAI.Tests.Gguf;
using System.ClientModel;
using HybridAI.Hosting.Tests.Support;
using HybridAI.Retrieval.Embeddings;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Models;

namespace HybridAI.Hosting.Tests.OpenAICompatible;

/// <summary>The official OpenAI .NET SDK (2.15.0) pointed at the server: wire compatibility, streaming included.</summary>
public sealed class OpenAISdkCompatibilityTests(TinyServerFixture tiny) : IClassFixture<TinyServerFixture>
{
    private static readonly ApiKeyCredential Key = new("not-checked");

    private async Task<OpenAIClientOptions> OptionsAsync() => new() { Endpoint = (await tiny.GetAsync()).V1 };

    private async Task<ChatClient> ChatAsync(string model = "tiny-llama") => new(model, Key, await OptionsAsync());

    private static readonly ChatMessage[] Question = [new SystemChatMessage("You are terse."), new UserChatMessage("Where do llamas live?")];

    [LlamaFact]
    public async Task CompleteChat_reads_text_finish_reason_and_usage()
    {
        var chat = await ChatAsync();
        ChatCompletion completion = await chat.CompleteChatAsync(Question, new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = 6 });
        Assert.Equal(ChatFinishReason.Length, completion.FinishReason);
        Assert.Equal("tiny-llama", completion.Model);
        Assert.Equal(ChatMessageRole.Assistant, completion.Role);
        Assert.False(string.IsNullOrEmpty(Assert.Single(completion.Content).Text));
        Assert.Equal(6, completion.Usage.OutputTokenCount);
        Assert.Equal(completion.Usage.InputTokenCount + 6, completion.Usage.TotalTokenCount);
    }

    [LlamaFact]
    public async Task CompleteChatStreaming_adds_up_to_the_same_reply_with_usage()
    {
        var chat = await ChatAsync();
        var options = new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = 8 };
        ChatCompletion whole = await chat.CompleteChatAsync(Question, options);
        var text = new System.Text.StringBuilder();
        ChatFinishReason? finish = null;
        ChatTokenUsage? usage = null;
        var updates = 0;
        await foreach (var update in chat.CompleteChatStreamingAsync(Question, new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = 8 }))
        {
            updates++;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
            usage ??= update.Usage;
        }

        Assert.True(updates >= 3, $"{updates} updates");
        Assert.Equal(whole.Content[0].Text, text.ToString());
        Assert.Equal(ChatFinishReason.Length, finish);
        Assert.Equal(8, usage?.OutputTokenCount);
    }

    [LlamaFact]
    public async Task Tools_with_a_required_choice_come_back_as_sdk_tool_calls_streamed_or_not()
    {
        var chat = await ChatAsync();
        var options = new ChatCompletionOptions
        {
            Temperature = 0,
            MaxOutputTokenCount = 40,
            Tools = { ChatTool.CreateFunctionTool("get_time", "Current time.", BinaryData.FromString("""{"type":"object","properties":{}}""")) },
            ToolChoice = ChatToolChoice.CreateRequiredChoice(),
        };
        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage("Time?")], options);
        Assert.Equal(ChatFinishReason.ToolCalls, completion.FinishReason);
        var call = Assert.Single(completion.ToolCalls);
        Assert.Equal("get_time", call.FunctionName);
        Assert.Equal(ChatToolCallKind.Function, call.Kind);

        var streamed = new List<StreamingChatToolCallUpdate>();
        ChatFinishReason? finish = null;
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage("Time?")], options))
        {
            streamed.AddRange(update.ToolCallUpdates);
            finish ??= update.FinishReason;
        }

        Assert.Equal(ChatFinishReason.ToolCalls, finish);
        var first = Assert.Single(streamed);
        Assert.Equal("get_time", first.FunctionName);
        Assert.Equal(call.FunctionArguments.ToString(), first.FunctionArgumentsUpdate.ToString());

        // The call and its result go back as the next turn, as the SDK's tool loop sends them.
        ChatCompletion next = await chat.CompleteChatAsync(
            [new UserChatMessage("Time?"), new AssistantChatMessage(completion), new ToolChatMessage(call.Id, "10:42")],
            new ChatCompletionOptions { Temperature = 0, MaxOutputTokenCount = 3 });
        Assert.Equal(3, next.Usage.OutputTokenCount);
    }

    [LlamaFact]
    public async Task An_unknown_model_raises_a_404_client_result_exception_with_the_servers_message()
    {
        var chat = await ChatAsync("gpt-9");
        var e = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync(Question));
        Assert.Equal(404, e.Status);
        Assert.Contains("gpt-9", e.Message, StringComparison.Ordinal);
    }

    [LlamaFact]
    public async Task Embeddings_and_models_read_through_the_sdk()
    {
        var options = await OptionsAsync();
        var reference = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 1024 });
        var embeddings = new EmbeddingClient(reference.ModelId, Key, options);
        OpenAIEmbedding one = await embeddings.GenerateEmbeddingAsync("refund the double charge");
        Assert.Equal(reference.Embed("refund the double charge"), one.ToFloats().ToArray());
        OpenAIEmbeddingCollection many = await embeddings.GenerateEmbeddingsAsync(["a late parcel", "a lost password"]);
        Assert.Equal([0, 1], many.Select(e => e.Index));
        Assert.Equal(reference.Embed("a lost password"), many[1].ToFloats().ToArray());

        OpenAIModelCollection models = await new OpenAIModelClient(Key, options).GetModelsAsync();
        Assert.Contains(models, m => m.Id == "tiny-llama");
        Assert.Contains(models, m => m.Id == reference.ModelId);
    }
}
