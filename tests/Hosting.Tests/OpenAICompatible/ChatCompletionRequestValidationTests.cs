using System.Text.Json;
using HybridAI.Hosting.Tests.Support;

namespace HybridAI.Hosting.Tests.OpenAICompatible;

public sealed class ChatCompletionRequestValidationTests(NoModelServerFixture fixture) : IClassFixture<NoModelServerFixture>
{
    private const string Secret = "my card is 4111-1111-1111-1111";

    private static void AssertError(JsonElement body, string type, string? param)
    {
        var error = body.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.True(error.TryGetProperty("code", out _));
        Assert.DoesNotContain("4111", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_naming_the_body_and_giving_the_position_without_echoing_it()
    {
        var (status, body) = await fixture.Server.PostJsonAsync("/v1/chat/completions", $$"""{"model":"m","messages":[{"role":"user","content":"{{Secret}}"}""");
        Assert.Equal(400, status);
        AssertError(body, "invalid_request_error", "body");
        Assert.Contains("line 1", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"model":"m"}""", "messages")]
    [InlineData("""{"model":"m","messages":[]}""", "messages")]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", "model")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"},{"role":"wizard","content":"SECRET"}]}""", "messages[1].role")]
    [InlineData("""{"model":"m","messages":[{"role":"user"}]}""", "messages[0].content")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}""", "messages[0].content[0]")]
    [InlineData("""{"model":"m","messages":[{"role":"tool","content":"42"}]}""", "messages[0].tool_call_id")]
    [InlineData("""{"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{not json"}}]}]}""", "messages[0].tool_calls[0].function.arguments")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"temperature":5}""", "temperature")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"top_p":"high"}""", "top_p")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":0}""", "max_tokens")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"max_completion_tokens":-3}""", "max_completion_tokens")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"n":3}""", "n")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"stop":[1]}""", "stop")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"seed":1.5}""", "seed")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"stream":"yes"}""", "stream")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"yaml"}}""", "response_format.type")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema","json_schema":{"name":"x"}}}""", "response_format.json_schema.schema")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"retrieval"}]}""", "tools[0]")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"description":"d"}}]}""", "tools[0].function.name")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"a"}}],"tool_choice":{"type":"function","function":{"name":"b"}}}""", "tool_choice")]
    [InlineData("""{"model":"m","messages":[{"role":"user","content":"hi"}],"tool_choice":"required"}""", "tool_choice")]
    public async Task A_malformed_request_is_a_400_naming_the_field(string json, string param)
    {
        var (status, body) = await fixture.Server.PostJsonAsync("/v1/chat/completions", json);
        Assert.Equal(400, status);
        AssertError(body, "invalid_request_error", param);
        Assert.DoesNotContain("SECRET", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_valid_request_for_a_model_not_served_is_a_404_model_not_found()
    {
        var (status, body) = await fixture.Server.PostJsonAsync("/v1/chat/completions", $$"""{"model":"gpt-9","messages":[{"role":"user","content":"{{Secret}}"}]}""");
        Assert.Equal(404, status);
        AssertError(body, "invalid_request_error", "model");
        Assert.Equal("model_not_found", body.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("gpt-9", body.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_v1_path_is_a_404_in_the_error_shape()
    {
        var (status, body) = await fixture.Server.PostJsonAsync("/v1/completions", """{"model":"m","prompt":"x"}""");
        Assert.Equal(404, status);
        Assert.Equal("unknown_url", body.GetProperty("error").GetProperty("code").GetString());
    }
}
