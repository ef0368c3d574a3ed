using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Endpoints;

public sealed class OpenAIChatClientStreamingTests
{
    private static readonly AIFunction LookupOrder = AIFunctionFactory.Create((string order_id) => "shipped", "lookup_order");
    private static readonly AIFunction RefundStatus = AIFunctionFactory.Create((string order_id, string currency) => "pending", "refund_status");

    [Fact]
    public async Task Streamed_text_arrives_in_pieces_then_finish_reason_and_usage()
    {
        var server = new RecordedEndpoint().Reply("chat-stream-text.sse");
        using var chat = server.Endpoint().CreateChatClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("I was charged twice."))
        {
            updates.Add(update);
        }

        Assert.Equal(["Category", ": billing", ". The customer", " was charged twice."], updates.Where(u => u.Text.Length > 0).Select(u => u.Text));
        Assert.All(updates, u => Assert.Equal("chatcmpl-B9MStreamText0001", u.ResponseId));
        Assert.All(updates, u => Assert.Equal("gpt-4o-mini-2024-07-18", u.ModelId));
        var response = updates.ToChatResponse();
        Assert.Equal("Category: billing. The customer was charged twice.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(42, response.Usage!.InputTokenCount);
        Assert.Equal(9, response.Usage.OutputTokenCount);

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal("/v1/chat/completions", server.Requests[0].Uri.AbsolutePath);
        Assert.True(body.GetProperty("stream").GetBoolean());
        Assert.True(body.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public async Task Streamed_tool_call_deltas_are_accumulated_into_whole_calls()
    {
        var server = new RecordedEndpoint().Reply("chat-stream-tool-calls.sse");
        using var chat = server.Endpoint().CreateChatClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in chat.GetStreamingResponseAsync("Order A-1042 and its refund?", new ChatOptions { Tools = [LookupOrder, RefundStatus] }))
        {
            updates.Add(update);
        }

        // Half a call is useless to a tool loop: calls appear once, complete, with the finish reason.
        var withCalls = Assert.Single(updates, u => u.Contents.OfType<FunctionCallContent>().Any());
        Assert.Equal(ChatFinishReason.ToolCalls, withCalls.FinishReason);
        var calls = withCalls.Contents.OfType<FunctionCallContent>().ToList();
        Assert.Equal(["lookup_order", "refund_status"], calls.Select(c => c.Name));
        Assert.Equal(["call_1lK0w8sQeZb9", "call_2pR7n3vXcT4d"], calls.Select(c => c.CallId));
        Assert.Equal("A-1042", calls[0].Arguments!["order_id"]!.ToString());
        Assert.Equal("EUR", calls[1].Arguments!["currency"]!.ToString());
        Assert.All(calls, c => Assert.Null(c.Exception));
        Assert.Equal(171, updates.ToChatResponse().Usage!.TotalTokenCount);
        Assert.Equal(2, Assert.Single(server.Requests).Json.GetProperty("tools").GetArrayLength());
    }

    [Fact]
    public async Task A_streamed_response_collected_whole_matches_the_non_streamed_shape()
    {
        var server = new RecordedEndpoint().Reply("chat-stream-tool-calls.sse");
        using var chat = server.Endpoint().CreateChatClient();

        var response = await chat.GetStreamingResponseAsync("Order?", new ChatOptions { Tools = [LookupOrder, RefundStatus] }).ToChatResponseAsync();

        Assert.Equal(2, response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().Count());
        Assert.Equal("chatcmpl-B9MStreamTools0002", response.ResponseId);
    }

    [Fact]
    public async Task Streamed_non_json_tool_arguments_become_a_call_carrying_the_error()
    {
        var server = new RecordedEndpoint().Reply("chat-stream-tool-call-bad-arguments.sse");
        using var chat = server.Endpoint().CreateChatClient();

        var response = await chat.GetStreamingResponseAsync("Order A-1042?", new ChatOptions { Tools = [LookupOrder] }).ToChatResponseAsync();

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        var error = Assert.IsType<HybridAI.Generators.Endpoints.ToolArgumentsException>(call.Exception);
        Assert.Equal("{order_id: A-1042}", error.RawArguments);
        Assert.Equal("call_bad1", call.CallId);
    }

    [Fact]
    public async Task An_http_error_before_the_stream_starts_is_translated_too()
    {
        var server = new RecordedEndpoint().Reply("error-429.json", System.Net.HttpStatusCode.TooManyRequests, ("Retry-After", "3"));
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<HybridAI.Generators.Endpoints.OpenAIEndpointException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("Hi"))
            {
                Assert.Fail("nothing should stream");
            }
        });

        Assert.Equal(TimeSpan.FromSeconds(3), e.RetryAfter);
    }
}
