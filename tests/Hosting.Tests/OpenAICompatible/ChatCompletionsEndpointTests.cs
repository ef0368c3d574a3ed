using HybridAI.Tests.Gguf;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HybridAI.Hosting.Tests.Support;

namespace HybridAI.Hosting.Tests.OpenAICompatible;

public sealed class ChatCompletionsEndpointTests(TinyServerFixture tiny) : IClassFixture<TinyServerFixture>
{
    private const string Question = """
        "model":"tiny-llama","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"Where do llamas live?"}],"temperature":0
        """;

    private const string GetTime = """{"type":"function","function":{"name":"get_time","description":"Current time.","parameters":{"type":"object","properties":{}}}}""";

    /// <summary>The question with <paramref name="extra"/> fields added.</summary>
    private static string Ask(string extra) => "{" + Question + "," + extra + "}";

    private async Task<List<JsonElement>> StreamAsync(string json)
    {
        var server = await tiny.GetAsync();
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/v1/chat/completions", UriKind.Relative)) { Content = content };
        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(200, (int)response.StatusCode);
        return ServerSentEventsReader.Chunks(await ServerSentEventsReader.ReadDataAsync(response));
    }

    private static string Content(IEnumerable<JsonElement> chunks) => string.Concat(chunks.Select(c =>
        c.GetProperty("choices").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } choice
        && choice.GetProperty("delta").TryGetProperty("content", out var text) ? text.GetString() : ""));

    [LlamaFact]
    public async Task A_completion_has_the_openai_shape_finish_reason_and_usage()
    {
        var server = await tiny.GetAsync();
        var (status, body) = await server.PostJsonAsync("/v1/chat/completions", Ask("\"max_tokens\":6"));
        Assert.Equal(200, status);
        Assert.StartsWith("chatcmpl-", body.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("chat.completion", body.GetProperty("object").GetString());
        Assert.Equal("tiny-llama", body.GetProperty("model").GetString());
        Assert.True(body.GetProperty("created").GetInt64() > 1_700_000_000);
        var choice = Assert.Single(body.GetProperty("choices").EnumerateArray());
        Assert.Equal(0, choice.GetProperty("index").GetInt32());
        Assert.Equal("assistant", choice.GetProperty("message").GetProperty("role").GetString());
        Assert.False(string.IsNullOrEmpty(choice.GetProperty("message").GetProperty("content").GetString()));
        Assert.Equal("length", choice.GetProperty("finish_reason").GetString());
        var usage = body.GetProperty("usage");
        Assert.Equal(6, usage.GetProperty("completion_tokens").GetInt32());
        Assert.True(usage.GetProperty("prompt_tokens").GetInt32() > 10);
        Assert.Equal(usage.GetProperty("prompt_tokens").GetInt32() + 6, usage.GetProperty("total_tokens").GetInt32());
    }

    [LlamaFact]
    public async Task Streaming_sends_chunks_that_add_up_to_the_non_streamed_reply_then_usage_then_done()
    {
        var server = await tiny.GetAsync();
        var (_, whole) = await server.PostJsonAsync("/v1/chat/completions", Ask("\"max_completion_tokens\":8"));
        var chunks = await StreamAsync(Ask("""
            "max_completion_tokens":8,"stream":true,"stream_options":{"include_usage":true}
            """));

        Assert.True(chunks.Count >= 4, $"{chunks.Count} chunks");
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var withChoices = chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0).ToList();
        var reasons = withChoices.Select(c => c.GetProperty("choices")[0].GetProperty("finish_reason")).ToList();
        Assert.All(reasons[..^1], r => Assert.Equal(JsonValueKind.Null, r.ValueKind));
        Assert.Equal("length", reasons[^1].GetString());
        Assert.Equal(whole.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString(), Content(withChoices));

        var usageChunk = chunks[^1];
        Assert.Equal(0, usageChunk.GetProperty("choices").GetArrayLength());
        Assert.Equal(8, usageChunk.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(whole.GetProperty("usage").GetProperty("prompt_tokens").GetInt32(), usageChunk.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
    }

    [LlamaFact]
    public async Task Required_tools_come_back_as_tool_calls_with_finish_reason_tool_calls()
    {
        var server = await tiny.GetAsync();
        var (status, body) = await server.PostJsonAsync("/v1/chat/completions",
            $$"""{"model":"tiny-llama","messages":[{"role":"user","content":"Time?"}],"temperature":0,"max_tokens":40,"tools":[{{GetTime}}],"tool_choice":"required"}""");
        Assert.Equal(200, status);
        var choice = body.GetProperty("choices")[0];
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        var call = Assert.Single(choice.GetProperty("message").GetProperty("tool_calls").EnumerateArray());
        Assert.StartsWith("call_", call.GetProperty("id").GetString(), StringComparison.Ordinal);
        Assert.Equal("function", call.GetProperty("type").GetString());
        Assert.Equal("get_time", call.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.ValueKind);
    }

    [LlamaFact]
    public async Task A_named_tool_choice_streams_its_call_with_arguments_matching_the_schema()
    {
        const string Weather = """{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string","maxLength":12},"days":{"type":"integer"}},"required":["city","days"]}}}""";
        const string Choice = """{"type":"function","function":{"name":"get_weather"}}""";
        var completed = 0;
        for (var seed = 1; seed <= 4; seed++)
        {
            var chunks = await StreamAsync($$"""
                {"model":"tiny-llama","messages":[{"role":"user","content":"Weather in Lima for 3 days?"}],"seed":{{seed}},"temperature":1,"max_tokens":120,"stream":true,
                 "tools":[{{GetTime}},{{Weather}}],"tool_choice":{{Choice}}}
                """);
            var last = chunks[^1].GetProperty("choices")[0];
            if (last.GetProperty("finish_reason").GetString() == "length")
            {
                continue;
            }

            Assert.Equal("tool_calls", last.GetProperty("finish_reason").GetString());
            var call = Assert.Single(chunks.SelectMany(c => c.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("tool_calls", out var t) ? t.EnumerateArray() : []));
            Assert.Equal(0, call.GetProperty("index").GetInt32());
            Assert.Equal("get_weather", call.GetProperty("function").GetProperty("name").GetString());
            var arguments = JsonDocument.Parse(call.GetProperty("function").GetProperty("arguments").GetString()!).RootElement;
            Assert.True(arguments.GetProperty("city").GetString()!.Length <= 12);
            Assert.Equal(JsonValueKind.Number, arguments.GetProperty("days").ValueKind);
            completed++;
        }

        Assert.True(completed >= 2, $"{completed} of 4 completed the call");
    }

    [LlamaFact]
    public async Task A_conversation_with_an_earlier_tool_call_and_its_result_is_answered()
    {
        var server = await tiny.GetAsync();
        var (status, body) = await server.PostJsonAsync("/v1/chat/completions", """
            {"model":"tiny-llama","temperature":0,"max_tokens":4,"messages":[
              {"role":"user","content":[{"type":"text","text":"Time?"}]},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_time","arguments":"{}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":"10:42"},
              {"role":"developer","content":"Answer briefly."}]}
            """);
        Assert.Equal(200, status);
        Assert.Equal(4, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
    }

    [LlamaFact]
    public async Task A_json_schema_response_format_forces_a_conforming_object()
    {
        var server = await tiny.GetAsync();
        var (status, body) = await server.PostJsonAsync("/v1/chat/completions", """
            {"model":"tiny-llama","messages":[{"role":"user","content":"Is it late?"}],"temperature":0,"max_tokens":20,"stop":["\n\n"],"seed":7,"top_p":0.9,
             "response_format":{"type":"json_schema","json_schema":{"name":"verdict","schema":{"type":"object","properties":{"late":{"type":"boolean"}},"required":["late"]}}}}
            """);
        Assert.Equal(200, status);
        var content = JsonDocument.Parse(body.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!).RootElement;
        Assert.Contains(content.GetProperty("late").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [LlamaFact]
    public async Task Models_lists_the_chat_model_beside_the_embedder()
    {
        var server = await tiny.GetAsync();
        var list = JsonDocument.Parse(await server.Http.GetStringAsync(new Uri("/v1/models", UriKind.Relative))).RootElement;
        var ids = list.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal("tiny-llama", ids[0]);
        Assert.Equal(2, ids.Count);
    }
}
