using System.Text.Json;
using HybridAI.Generators.Local;
using HybridAI.Native.LlamaCpp;
using HybridAI.Tests.Gguf;
using HybridAI.Tests.Json;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Local;

public sealed class TinyChatClientFixture : IDisposable
{
    private readonly Lazy<LlamaCppChatClient> _client = new(() => new LlamaCppChatClient(TinyLlamaModel.SharedPath, new LlamaCppChatClientOptions
    {
        ModelId = "tiny-llama",
        Context = new LlamaContextOptions { ContextSize = 512, Threads = 1 },
        MaxConcurrentRequests = 3,
    }));

    public LlamaCppChatClient Client => _client.Value;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}

public sealed class LlamaCppChatClientTests(TinyChatClientFixture tiny) : IClassFixture<TinyChatClientFixture>
{
    private static readonly ChatMessage[] Question = [new(ChatRole.System, "You are terse."), new(ChatRole.User, "Where do llamas live?")];

    private static ChatOptions Greedy(int maxTokens) => new() { Temperature = 0, MaxOutputTokens = maxTokens };

    [LlamaFact]
    public async Task Streams_text_then_a_final_update_with_usage_and_finish_reason()
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in tiny.Client.GetStreamingResponseAsync(Question, Greedy(8)))
        {
            updates.Add(u);
        }

        Assert.True(updates.Count >= 2);
        Assert.All(updates, u => Assert.Equal("tiny-llama", u.ModelId));
        Assert.All(updates[..^1], u => Assert.Null(u.FinishReason));
        Assert.Equal(ChatFinishReason.Length, updates[^1].FinishReason);
        var usage = Assert.Single(updates[^1].Contents.OfType<UsageContent>()).Details;
        Assert.Equal(8, usage.OutputTokenCount);
        Assert.True(usage.InputTokenCount > 10);
        Assert.Equal(usage.InputTokenCount + 8, usage.TotalTokenCount);
    }

    [LlamaFact]
    public async Task Max_output_tokens_ends_with_finish_reason_length_and_counts_tokens()
    {
        var response = await tiny.Client.GetResponseAsync(Question, Greedy(5));
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(5, response.Usage?.OutputTokenCount);
        Assert.Equal("tiny-llama", response.ModelId);
        Assert.NotEmpty(response.Text);
    }

    [LlamaFact]
    public async Task The_same_seed_gives_the_same_reply()
    {
        ChatOptions Seeded(long seed) => new() { Temperature = 1, TopK = 0, TopP = 1, Seed = seed, MaxOutputTokens = 16, AdditionalProperties = new() { ["min_p"] = 0f } };
        var a = await tiny.Client.GetResponseAsync(Question, Seeded(11));
        var b = await tiny.Client.GetResponseAsync(Question, Seeded(11));
        var c = await tiny.Client.GetResponseAsync(Question, Seeded(12));
        Assert.Equal(a.Text, b.Text);
        Assert.NotEqual(a.Text, c.Text);
    }

    [LlamaFact]
    public async Task Stop_sequences_end_the_reply_before_the_stop_text()
    {
        var free = (await tiny.Client.GetResponseAsync(Question, Greedy(30))).Text;
        var stop = free.Substring(free.Length / 2, 3);
        var stopped = await tiny.Client.GetResponseAsync(Question, new ChatOptions { Temperature = 0, MaxOutputTokens = 30, StopSequences = [stop] });
        Assert.Equal(free[..free.IndexOf(stop, StringComparison.Ordinal)], stopped.Text);
        Assert.Equal(ChatFinishReason.Stop, stopped.FinishReason);
    }

    [LlamaFact]
    public async Task A_json_schema_response_format_gives_json_matching_it_or_finish_reason_length()
    {
        using var schema = JsonDocument.Parse("""
            {"type":"object","properties":{"label":{"enum":["spam","ham"]},"reason":{"type":"string","maxLength":10},"confidence":{"type":"number"}},"required":["label","reason"]}
            """);
        var completed = 0;
        for (var seed = 1; seed <= 4; seed++)
        {
            var response = await tiny.Client.GetResponseAsync(Question, new ChatOptions
            {
                Seed = seed,
                Temperature = 1,
                MaxOutputTokens = 120,
                ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "verdict"),
            });
            if (response.FinishReason == ChatFinishReason.Stop)
            {
                using var doc = JsonDocument.Parse(response.Text);
                Assert.Null(SchemaCheck.Violation(doc.RootElement, schema.RootElement));
                completed++;
            }
            else
            {
                Assert.Equal(ChatFinishReason.Length, response.FinishReason);
            }
        }

        Assert.True(completed >= 2, $"{completed} of 4 completed");
    }

    [LlamaFact]
    public async Task A_required_tool_call_comes_back_as_function_call_content_with_arguments_matching_the_schema()
    {
        using var schema = JsonDocument.Parse("""
            {"type":"object","properties":{"city":{"type":"string","maxLength":12},"days":{"type":"integer"},"units":{"enum":["metric","imperial"]}},"required":["city","days","units"]}
            """);
        var weather = AIFunctionFactory.CreateDeclaration("get_weather", "Weather forecast for a city.", schema.RootElement);
        var clock = AIFunctionFactory.CreateDeclaration("get_time", "Current time.", JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement);
        var calls = 0;
        for (var seed = 1; seed <= 4; seed++)
        {
            var response = await tiny.Client.GetResponseAsync([new(ChatRole.User, "Weather in Lima for 3 days?")], new ChatOptions
            {
                Tools = [weather, clock],
                ToolMode = ChatToolMode.RequireSpecific("get_weather"),
                Seed = seed,
                Temperature = 1,
                MaxOutputTokens = 120,
            });
            if (response.FinishReason == ChatFinishReason.Length)
            {
                continue;
            }

            Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
            var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
            Assert.Equal("get_weather", call.Name);
            Assert.StartsWith("call_", call.CallId, StringComparison.Ordinal);
            var arguments = JsonSerializer.SerializeToElement(call.Arguments);
            Assert.Null(SchemaCheck.Violation(arguments, schema.RootElement));
            calls++;
        }

        Assert.True(calls >= 2, $"{calls} of 4 completed the call");
    }

    [LlamaFact]
    public async Task Requiring_any_tool_calls_one_of_those_offered()
    {
        var clock = AIFunctionFactory.CreateDeclaration("get_time", "Current time.", JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement);
        var response = await tiny.Client.GetResponseAsync([new(ChatRole.User, "Time?")], new ChatOptions { Tools = [clock], ToolMode = ChatToolMode.RequireAny, Temperature = 0, MaxOutputTokens = 40 });
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_time", call.Name);
        Assert.Empty(call.Arguments!);
    }

    [LlamaFact]
    public async Task A_required_tool_that_is_not_offered_is_an_argument_error()
    {
        var clock = AIFunctionFactory.CreateDeclaration("get_time", null, JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement);
        var e = await Assert.ThrowsAsync<ArgumentException>(() => tiny.Client.GetResponseAsync(Question, new ChatOptions { Tools = [clock], ToolMode = ChatToolMode.RequireSpecific("send_mail") }));
        Assert.Contains("send_mail", e.Message, StringComparison.Ordinal);
    }

    [LlamaFact]
    public async Task Concurrent_requests_each_get_the_answer_a_lone_request_gets()
    {
        var alone = (await tiny.Client.GetResponseAsync(Question, Greedy(10))).Text;
        var replies = await Task.WhenAll(Enumerable.Range(0, 7).Select(_ => tiny.Client.GetResponseAsync(Question, Greedy(10))));
        Assert.All(replies, r => Assert.Equal(alone, r.Text));
    }

    [LlamaFact]
    public async Task Cancelling_mid_stream_stops_generation_and_the_client_keeps_working()
    {
        using var cts = new CancellationTokenSource();
        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in tiny.Client.GetStreamingResponseAsync(Question, Greedy(400), cts.Token))
            {
                if (++seen == 2)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(2, seen);
        Assert.Equal(ChatFinishReason.Length, (await tiny.Client.GetResponseAsync(Question, Greedy(3))).FinishReason);
    }

    [LlamaFact]
    public async Task Abandoning_a_stream_returns_its_context_to_the_pool()
    {
        for (var i = 0; i < 5; i++) // more than the pool's three contexts
        {
            await foreach (var _ in tiny.Client.GetStreamingResponseAsync(Question, Greedy(200)))
            {
                break;
            }
        }

        Assert.Equal(ChatFinishReason.Length, (await tiny.Client.GetResponseAsync(Question, Greedy(2))).FinishReason);
    }

    [LlamaFact]
    public void Reports_its_metadata_and_model()
    {
        var metadata = tiny.Client.GetService<ChatClientMetadata>();
        Assert.Equal("llama.cpp", metadata?.ProviderName);
        Assert.Equal("tiny-llama", metadata?.DefaultModelId);
        Assert.Equal(32000, tiny.Client.GetService<LlamaModel>()?.VocabularySize);
        Assert.Same(tiny.Client, tiny.Client.GetService<IChatClient>());
    }

    [LlamaFact]
    public void A_file_that_is_not_a_model_fails_in_the_constructor_naming_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "hello");
            var e = Assert.Throws<LlamaModelLoadException>(() => new LlamaCppChatClient(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
