using System.Text.Json;
using HybridAI.Generators.Endpoints;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Endpoints;

public sealed class OpenAIChatClientTests
{
    private static readonly AIFunction LookupOrder = AIFunctionFactory.Create(
        (string order_id, bool include_items) => $"order {order_id}", "lookup_order", "Finds an order by its id.");

    private static readonly AIFunction RefundStatus = AIFunctionFactory.Create(
        (string order_id, string currency) => "pending", "refund_status", "Tells where a refund stands.");

    [Fact]
    public async Task Text_reply_carries_text_finish_reason_usage_and_model()
    {
        var server = new RecordedEndpoint().Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();

        var reply = await chat.GetResponseAsync(
            [new(ChatRole.System, "You triage tickets."), new(ChatRole.User, "I was charged twice for order A-1042.")]);

        Assert.Equal("Category: billing. The customer was charged twice for one order.", reply.Text);
        Assert.Equal(ChatFinishReason.Stop, reply.FinishReason);
        Assert.Equal("gpt-4o-mini-2024-07-18", reply.ModelId);
        Assert.Equal("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT", reply.ResponseId);
        Assert.Equal(ChatRole.Assistant, Assert.Single(reply.Messages).Role);
        Assert.Equal(42, reply.Usage!.InputTokenCount);
        Assert.Equal(14, reply.Usage.OutputTokenCount);
        Assert.Equal(56, reply.Usage.TotalTokenCount);

        var sent = Assert.Single(server.Requests);
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v1/chat/completions", sent.Uri.AbsolutePath);
        Assert.Equal("gpt-4o-mini", sent.Json.GetProperty("model").GetString());
        var messages = sent.Json.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["system", "user"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Contains("You triage tickets.", messages[0].GetProperty("content").GetRawText(), StringComparison.Ordinal);
        Assert.Contains("I was charged twice for order A-1042.", messages[1].GetProperty("content").GetRawText(), StringComparison.Ordinal);
        Assert.False(sent.Json.TryGetProperty("stream", out var stream) && stream.ValueKind == JsonValueKind.True);
    }

    [Fact]
    public async Task Sampling_options_stop_sequences_seed_and_json_schema_reach_the_wire()
    {
        var server = new RecordedEndpoint().Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"category":{"type":"string"}},"required":["category"]}""");

        await chat.GetResponseAsync("Classify.", new ChatOptions
        {
            Temperature = 0.2f,
            TopP = 0.9f,
            MaxOutputTokens = 64,
            StopSequences = ["\n\n", "END"],
            Seed = 7,
            FrequencyPenalty = 0.5f,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "ticket_category", "The ticket's category."),
        });

        var body = Assert.Single(server.Requests).Json;
        Assert.Equal(0.2, body.GetProperty("temperature").GetDouble(), 5);
        Assert.Equal(0.9, body.GetProperty("top_p").GetDouble(), 5);
        Assert.Equal(0.5, body.GetProperty("frequency_penalty").GetDouble(), 5);
        var maxTokens = body.TryGetProperty("max_completion_tokens", out var m) ? m : body.GetProperty("max_tokens");
        Assert.Equal(64, maxTokens.GetInt32());
        Assert.Equal(["\n\n", "END"], body.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(7, body.GetProperty("seed").GetInt64());
        var format = body.GetProperty("response_format");
        Assert.Equal("json_schema", format.GetProperty("type").GetString());
        Assert.Equal("ticket_category", format.GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("object", format.GetProperty("json_schema").GetProperty("schema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Json_mode_without_a_schema_asks_for_a_json_object()
    {
        var server = new RecordedEndpoint().Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();

        await chat.GetResponseAsync("Classify.", new ChatOptions { ResponseFormat = ChatResponseFormat.Json });

        Assert.Equal("json_object", Assert.Single(server.Requests).Json.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Length_finish_reason_is_reported()
    {
        var server = new RecordedEndpoint().Reply("chat-length.json");
        using var chat = server.Endpoint().CreateChatClient();

        var reply = await chat.GetResponseAsync("Where is my parcel?", new ChatOptions { MaxOutputTokens = 8 });

        Assert.Equal(ChatFinishReason.Length, reply.FinishReason);
        Assert.Equal("The parcel left our warehouse on", reply.Text);
    }

    [Fact]
    public async Task Tool_call_reply_becomes_a_function_call_with_parsed_arguments()
    {
        var server = new RecordedEndpoint().Reply("chat-tool-call.json");
        using var chat = server.Endpoint().CreateChatClient();

        var reply = await chat.GetResponseAsync("What is in order A-1042?", new ChatOptions
        {
            Tools = [LookupOrder],
            ToolMode = ChatToolMode.RequireSpecific("lookup_order"),
            AllowMultipleToolCalls = false,
        });

        Assert.Equal(ChatFinishReason.ToolCalls, reply.FinishReason);
        var call = Assert.Single(reply.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("call_q7Kx2nBPv0yZXz1Ql0fS3a9T", call.CallId);
        Assert.Equal("lookup_order", call.Name);
        Assert.Null(call.Exception);
        Assert.Equal("A-1042", call.Arguments!["order_id"]!.ToString());
        Assert.True(((JsonElement)call.Arguments["include_items"]!).GetBoolean());

        var body = Assert.Single(server.Requests).Json;
        var tool = Assert.Single(body.GetProperty("tools").EnumerateArray().ToList());
        Assert.Equal("function", tool.GetProperty("type").GetString());
        var function = tool.GetProperty("function");
        Assert.Equal("lookup_order", function.GetProperty("name").GetString());
        Assert.Equal("Finds an order by its id.", function.GetProperty("description").GetString());
        var parameters = function.GetProperty("parameters");
        Assert.Equal("string", parameters.GetProperty("properties").GetProperty("order_id").GetProperty("type").GetString());
        Assert.Equal("boolean", parameters.GetProperty("properties").GetProperty("include_items").GetProperty("type").GetString());
        Assert.Equal("lookup_order", body.GetProperty("tool_choice").GetProperty("function").GetProperty("name").GetString());
        Assert.False(body.GetProperty("parallel_tool_calls").GetBoolean());
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("none")]
    [InlineData("required")]
    public async Task Tool_mode_maps_to_tool_choice(string mode)
    {
        var server = new RecordedEndpoint().Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();
        ChatToolMode toolMode = mode switch { "auto" => ChatToolMode.Auto, "none" => ChatToolMode.None, _ => ChatToolMode.RequireAny };

        await chat.GetResponseAsync("Hi", new ChatOptions { Tools = [LookupOrder], ToolMode = toolMode });

        Assert.Equal(mode, Assert.Single(server.Requests).Json.GetProperty("tool_choice").GetString());
    }

    [Fact]
    public async Task Parallel_tool_calls_come_back_in_order()
    {
        var server = new RecordedEndpoint().Reply("chat-parallel-tool-calls.json");
        using var chat = server.Endpoint().CreateChatClient();

        var reply = await chat.GetResponseAsync("Order A-1042 and its refund?", new ChatOptions { Tools = [LookupOrder, RefundStatus] });

        var calls = reply.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(["lookup_order", "refund_status"], calls.Select(c => c.Name));
        Assert.Equal(["call_1lK0w8sQeZb9", "call_2pR7n3vXcT4d"], calls.Select(c => c.CallId));
        Assert.Equal("EUR", calls[1].Arguments!["currency"]!.ToString());
        Assert.Equal(2, Assert.Single(server.Requests).Json.GetProperty("tools").GetArrayLength());
    }

    [Fact]
    public async Task Tool_call_history_and_results_are_sent_as_assistant_tool_calls_and_tool_messages()
    {
        var server = new RecordedEndpoint().Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();
        var history = new List<ChatMessage>
        {
            new(ChatRole.User, "Order A-1042 and its refund?"),
            new(ChatRole.Assistant, [
                new FunctionCallContent("call_1", "lookup_order", new Dictionary<string, object?> { ["order_id"] = "A-1042" }),
                new FunctionCallContent("call_2", "refund_status", new Dictionary<string, object?> { ["order_id"] = "A-1042", ["currency"] = "EUR" }),
            ]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "shipped"), new FunctionResultContent("call_2", new { state = "pending", days = 3 })]),
        };

        await chat.GetResponseAsync(history, new ChatOptions { Tools = [LookupOrder, RefundStatus] });

        var messages = Assert.Single(server.Requests).Json.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant", "tool", "tool"], messages.Select(m => m.GetProperty("role").GetString()));
        var calls = messages[1].GetProperty("tool_calls").EnumerateArray().ToList();
        Assert.Equal(["call_1", "call_2"], calls.Select(c => c.GetProperty("id").GetString()));
        using var arguments = JsonDocument.Parse(calls[1].GetProperty("function").GetProperty("arguments").GetString()!);
        Assert.Equal("EUR", arguments.RootElement.GetProperty("currency").GetString());
        Assert.Equal("call_1", messages[2].GetProperty("tool_call_id").GetString());
        Assert.Contains("shipped", messages[2].GetProperty("content").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("call_2", messages[3].GetProperty("tool_call_id").GetString());
        Assert.Contains("pending", messages[3].GetProperty("content").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_json_tool_arguments_become_a_call_carrying_the_error_and_the_raw_text()
    {
        var server = new RecordedEndpoint().Reply("chat-tool-call-bad-arguments.json");
        using var chat = server.Endpoint().CreateChatClient();

        var reply = await chat.GetResponseAsync("Order A-1042?", new ChatOptions { Tools = [LookupOrder] });

        var calls = reply.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>().ToList();
        Assert.Equal(2, calls.Count);
        var bad = Assert.IsType<ToolArgumentsException>(calls[0].Exception);
        Assert.Equal("call_bad1", calls[0].CallId);
        Assert.Equal("lookup_order", bad.ToolName);
        Assert.Equal("{order_id: A-1042", bad.RawArguments);
        Assert.DoesNotContain("A-1042", bad.Message, StringComparison.Ordinal);
        Assert.Null(calls[1].Exception);
        Assert.Empty(calls[1].Arguments!);
    }

    [Fact]
    public async Task A_tool_that_is_not_a_function_is_refused_before_anything_is_sent()
    {
        var server = new RecordedEndpoint();
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<NotSupportedException>(() =>
            chat.GetResponseAsync("Hi", new ChatOptions { Tools = [new HostedWebSearchTool()] }));

        Assert.Contains("HostedWebSearchTool", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_tool_result_without_a_call_id_is_refused_naming_the_message()
    {
        var server = new RecordedEndpoint();
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<ArgumentException>(() =>
            chat.GetResponseAsync([new(ChatRole.User, "Hi"), new(ChatRole.Tool, [new FunctionResultContent("", "x")])]));

        Assert.Contains("Message 1", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void Metadata_names_the_provider_endpoint_and_model()
    {
        using var chat = new RecordedEndpoint().Endpoint(model: "qwen2.5:1.5b").CreateChatClient();

        var metadata = chat.GetService<ChatClientMetadata>()!;

        Assert.Equal("openai", metadata.ProviderName);
        Assert.Equal(RecordedEndpoint.BaseUrl, metadata.ProviderUri);
        Assert.Equal("qwen2.5:1.5b", metadata.DefaultModelId);
        Assert.NotNull(chat.GetService<OpenAI.Chat.ChatClient>());
    }

    [Fact]
    public async Task Images_and_author_names_are_sent_as_content_parts()
    {
        var server = new RecordedEndpoint().Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();
        var message = new ChatMessage(ChatRole.User, [new TextContent("What is on this receipt?"), new DataContent(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png")])
        {
            AuthorName = "agent_7",
        };

        await chat.GetResponseAsync([message]);

        var sent = Assert.Single(Assert.Single(server.Requests).Json.GetProperty("messages").EnumerateArray().ToList());
        Assert.Equal("agent_7", sent.GetProperty("name").GetString());
        var parts = sent.GetProperty("content").EnumerateArray().ToList();
        Assert.Equal(["text", "image_url"], parts.Select(p => p.GetProperty("type").GetString()));
        Assert.Equal("data:image/png;base64,iVBORw==", parts[1].GetProperty("image_url").GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_caller_cancellation_stays_a_cancellation()
    {
        var server = new RecordedEndpoint().Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => chat.GetResponseAsync("Hi", cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task A_server_that_omits_tool_call_ids_gets_ids_by_position()
    {
        var server = new RecordedEndpoint().Reply("chat-tool-call-no-id.json");
        using var chat = server.Endpoint().CreateChatClient();

        var reply = await chat.GetResponseAsync("Order A-1042?", new ChatOptions { Tools = [LookupOrder] });

        var call = Assert.Single(reply.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("call_0", call.CallId);
        Assert.Equal("A-1042", call.Arguments!["order_id"]!.ToString());
    }

    [Fact]
    public async Task A_tool_call_without_a_function_name_is_a_malformed_reply()
    {
        var server = new RecordedEndpoint().Reply("chat-tool-call-no-name.json");
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("Order?", new ChatOptions { Tools = [LookupOrder] }));

        Assert.Equal(OpenAIEndpointFailure.MalformedResponse, e.Failure);
        Assert.Contains("no function name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_message_without_a_result_is_refused_naming_the_message()
    {
        var server = new RecordedEndpoint();
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => chat.GetResponseAsync([new(ChatRole.User, "Hi"), new(ChatRole.Tool, "shipped")]));

        Assert.Contains("Message 1", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task An_assistant_turn_with_text_and_a_tool_call_sends_both()
    {
        var server = new RecordedEndpoint().Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();
        var history = new List<ChatMessage>
        {
            new(ChatRole.User, "Order A-1042?"),
            new(ChatRole.Assistant, [new TextContent("Let me look that up."), new FunctionCallContent("call_1", "lookup_order", new Dictionary<string, object?> { ["order_id"] = "A-1042" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_1", "shipped")]),
        };

        await chat.GetResponseAsync(history);

        var assistant = Assert.Single(server.Requests).Json.GetProperty("messages")[1];
        Assert.Contains("Let me look that up.", assistant.GetProperty("content").GetRawText(), StringComparison.Ordinal);
        Assert.Equal("call_1", assistant.GetProperty("tool_calls")[0].GetProperty("id").GetString());
    }
}
