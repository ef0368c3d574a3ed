using HybridAI.Cli.Tests.Support;
using HybridAI.Hosting;
using HybridAI.Tests.Gguf;
using Microsoft.AspNetCore.Builder;

namespace HybridAI.Cli.Tests.Commands;

/// <summary><c>hybridai chat --endpoint URL --model NAME</c> against our own OpenAI-compatible server serving the tiny GGUF.</summary>
public sealed class ChatCommandEndpointTests : IAsyncLifetime, IDisposable
{
    private readonly CliConsole _cli = new();
    private WebApplication? _server;

    private async Task<string> ServeAsync()
    {
        _server = HybridAIServer.Build(new HybridAIServerOptions
        {
            ModelPath = TinyLlamaModel.SharedPath,
            ModelId = "tiny-llama",
            Urls = ["http://127.0.0.1:0"],
            ContextSize = 512,
            Threads = 1,
        });
        await _server.StartAsync();
        return new Uri(new Uri(_server.Urls.First()), "/v1").ToString();
    }

    [LlamaFact]
    public async Task Each_line_is_a_turn_answered_by_the_endpoint_and_the_same_seed_repeats_it()
    {
        var url = await ServeAsync();
        string[] args = ["chat", "--endpoint", url, "--model", "tiny-llama", "--max-tokens", "6", "--temperature", "1", "--seed", "4"];

        Assert.Equal(0, await _cli.RunWithInputAsync("Hello there\nAnd then?\n", args));
        var first = _cli.Output;
        var lines = first.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Count(l => l == "(reply cut at --max-tokens)"));
        Assert.NotEqual("(reply cut at --max-tokens)", lines[0]);

        Assert.Equal(0, await _cli.RunWithInputAsync("Hello there\nAnd then?\n", args));
        Assert.Equal(first, _cli.Output);
    }

    [LlamaFact]
    public async Task A_model_the_endpoint_does_not_serve_is_reported_without_the_conversation()
    {
        var url = await ServeAsync();
        Assert.Equal(1, await _cli.RunWithInputAsync("my secret question\n", "chat", "--endpoint", url, "--model", "no-such-model"));
        Assert.Contains("404", _cli.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_named()
    {
        Assert.Equal(1, await _cli.RunWithInputAsync("hi\n", "chat", "--endpoint", "http://127.0.0.1:9/v1", "--model", "m"));
        Assert.Contains("127.0.0.1:9", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unset_key_variable_is_named_before_anything_is_sent()
    {
        Assert.Equal(2, await _cli.RunWithInputAsync("hi\n", "chat", "--endpoint", "http://127.0.0.1:9/v1", "--model", "m", "--api-key-env", "HYBRIDAI_TEST_NO_SUCH_KEY_VAR"));
        Assert.Contains("HYBRIDAI_TEST_NO_SUCH_KEY_VAR", _cli.Flat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "chat" }, "--endpoint URL")]
    [InlineData(new[] { "chat", "--endpoint", "http://127.0.0.1:9/v1" }, "--endpoint needs --model NAME")]
    [InlineData(new[] { "chat", "--endpoint", "localhost:11434", "--model", "m" }, "is not an absolute http(s) URL")]
    public async Task Missing_model_or_endpoint_is_an_input_error(string[] args, string expected)
    {
        Assert.Equal(2, await _cli.RunWithInputAsync("hi\n", args));
        Assert.Contains(expected, _cli.Flat, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }
}
