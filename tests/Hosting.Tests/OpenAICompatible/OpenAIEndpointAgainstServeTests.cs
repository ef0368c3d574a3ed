using HybridAI.Tests.Gguf;
using HybridAI.Generators.Endpoints;
using HybridAI.Generators.Tools;
using HybridAI.Hosting.Tests.Support;
using Microsoft.Extensions.AI;

namespace HybridAI.Hosting.Tests.OpenAICompatible;

/// <summary>
/// Our OpenAI adapter (<see cref="OpenAIEndpoint"/>, over the official SDK) against our own server (<c>hybridai serve</c>
/// serving the tiny llama.cpp model): the two halves agree on the wire, streaming and tool calls included.
/// </summary>
public sealed class OpenAIEndpointAgainstServeTests(TinyServerFixture tiny) : IClassFixture<TinyServerFixture>
{
    private static readonly ChatMessage[] Question = [new(ChatRole.System, "You are terse."), new(ChatRole.User, "Where do llamas live?")];

    private async Task<IChatClient> ChatAsync() =>
        new OpenAIEndpoint { BaseUrl = (await tiny.GetAsync()).V1, Model = "tiny-llama" }.CreateChatClient();

    [LlamaFact]
    public async Task A_reply_comes_back_with_finish_reason_usage_and_model()
    {
        using var chat = await ChatAsync();

        var response = await chat.GetResponseAsync(Question, new ChatOptions { Temperature = 0, MaxOutputTokens = 6 });

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal("tiny-llama", response.ModelId);
        Assert.False(string.IsNullOrEmpty(response.Text));
        Assert.Equal(6, response.Usage?.OutputTokenCount);
        Assert.True(response.Usage?.InputTokenCount > 0);
    }

    [LlamaFact]
    public async Task Streaming_adds_up_to_the_same_reply_as_the_whole_response()
    {
        using var chat = await ChatAsync();
        var options = new ChatOptions { Temperature = 0, MaxOutputTokens = 8 };
        var whole = await chat.GetResponseAsync(Question, options);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync(Question, options))
        {
            updates.Add(update);
        }

        Assert.True(updates.Count >= 3, $"{updates.Count} updates");
        var streamed = updates.ToChatResponse();
        Assert.Equal(whole.Text, streamed.Text);
        Assert.Equal(ChatFinishReason.Length, streamed.FinishReason);
    }

    [LlamaFact]
    public async Task The_tool_loop_over_the_adapter_invokes_the_tool_the_served_model_calls()
    {
        using var inner = await ChatAsync();
        int invoked = 0;
        var clock = AIFunctionFactory.Create(() => { Interlocked.Increment(ref invoked); return "12:30"; }, "get_time");
        var forbidden = AIFunctionFactory.Create(() => "never", "delete_account");
        var chat = inner.WithToolCalling(new ToolCallingOptions { AllowedTools = ["get_time"], MaxIterations = 2 });

        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.User, "What time is it?")],
            new ChatOptions { Tools = [clock, forbidden], ToolMode = ChatToolMode.RequireSpecific("get_time"), Temperature = 0, MaxOutputTokens = 40 });

        var calls = response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        var results = response.Messages.Where(m => m.Role == ChatRole.Tool).SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToList();
        Assert.NotEmpty(calls);
        Assert.Equal("get_time", calls[0].Name);
        Assert.Equal(calls[0].CallId, results[0].CallId);
        Assert.Contains("12:30", results[0].Result?.ToString(), StringComparison.Ordinal);
        Assert.True(invoked >= 1);
    }

    [LlamaFact]
    public async Task An_unknown_model_is_a_rejected_request_not_a_crash()
    {
        using var chat = new OpenAIEndpoint { BaseUrl = (await tiny.GetAsync()).V1, Model = "no-such-model" }.CreateChatClient();

        var error = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync(Question));

        Assert.Equal(404, error.StatusCode);
        Assert.DoesNotContain("llamas", error.ToString(), StringComparison.Ordinal);
    }
}
