using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using HybridAI.Cli.Tests.Support;
using HybridAI.Hosting;
using HybridAI.Tests.Gguf;
using Microsoft.AspNetCore.Builder;

namespace HybridAI.Cli.Tests.Commands;

/// <summary>
/// <c>hybridai run ticket-triage</c> with an LLM drafting the replies: the tiny GGUF through llama.cpp, our own
/// OpenAI-compatible server, or a port nobody listens on (every draft falls back to the grounded writer, and the
/// summary says so and why).
/// </summary>
public sealed class RunCommandWriterTests : IAsyncLifetime, IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-cli-writer-").FullName;
    private readonly CliConsole _cli = new();
    private WebApplication? _server;

    private string Input => Path.Combine(_work, "tickets.jsonl");

    public async Task InitializeAsync() => await File.WriteAllLinesAsync(Input,
    [
        """{"id":"W1","subject":"Refund please","body":"I returned the shoes last week and still have no refund.","category":"refund","priority":"normal"}""",
        """{"id":"W2","subject":"Cannot log in","body":"I forgot my password and the reset email never arrives.","category":"account-access","priority":"normal"}""",
    ]);

    private async Task<(int Exit, string[] Replies)> RunAsync(string name, params string[] extra)
    {
        var results = Path.Combine(_work, name + ".jsonl");
        var exit = await _cli.RunAsync(["run", "ticket-triage", "--input", Input, "--out", results, "--work-dir", Path.Combine(_work, name),
            "--parallelism", "1", "--retrieval", "keyword", .. extra]);
        var replies = File.Exists(results)
            ? (await File.ReadAllLinesAsync(results)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reply").GetString() ?? "").ToArray()
            : [];
        return (exit, replies);
    }

    private async Task<string> ServeAsync()
    {
        _server = HybridAIServer.Build(new HybridAIServerOptions
        {
            ModelPath = TinyLlamaModel.SharedPath,
            ModelId = "tiny-llama",
            Urls = ["http://127.0.0.1:0"],
            ContextSize = 4096,
            Threads = 1,
        });
        await _server.StartAsync();
        return new Uri(new Uri(_server.Urls.First()), "/v1").ToString();
    }

    [LlamaFact]
    public async Task A_local_gguf_model_drafts_the_replies_instead_of_the_grounded_writer()
    {
        var (groundedExit, grounded) = await RunAsync("grounded");
        var (exit, drafted) = await RunAsync("gguf", "--model", TinyLlamaModel.SharedPath, "--max-tokens", "6", "--threads", "1");

        Assert.Equal((0, 0), (groundedExit, exit));
        var text = _cli.Flat;
        Assert.Matches(@"draft writer\s*│\s*llama\.cpp", text);
        Assert.Matches(@"drafts fallen back to grounded\s*│\s*0", text);
        Assert.Equal(2, drafted.Length);
        Assert.All(drafted.Zip(grounded), pair => Assert.NotEqual(pair.Second, pair.First));
    }

    [LlamaFact]
    public async Task An_endpoint_drafts_the_replies_through_the_wire_format()
    {
        var url = await ServeAsync();
        var (_, grounded) = await RunAsync("grounded");
        var (exit, drafted) = await RunAsync("endpoint", "--endpoint", url, "--endpoint-model", "tiny-llama", "--max-tokens", "6");

        Assert.Equal(0, exit);
        var text = _cli.Flat;
        Assert.Matches(@"draft writer\s*│\s*openai tiny-llama", text);
        Assert.Matches(@"drafts fallen back to grounded\s*│\s*0", text);
        Assert.All(drafted.Zip(grounded), pair => Assert.NotEqual(pair.Second, pair.First));
    }

    [Fact]
    public async Task A_dead_endpoint_falls_back_to_the_grounded_writer_and_the_summary_says_why()
    {
        var dead = $"127.0.0.1:{FreePort()}";
        var (_, grounded) = await RunAsync("grounded");
        var (exit, drafted) = await RunAsync("dead", "--endpoint", $"http://{dead}/v1", "--endpoint-model", "m");

        Assert.Equal(0, exit);
        var text = _cli.Flat;
        Assert.Matches(@"drafts fallen back to grounded\s*│\s*2", text);
        // The first ticket's three attempts and the second's first ones open the circuit breaker: its last attempt is not even made.
        Assert.Contains($"fell back to the grounded writer: 1 draft(s), endpoint unreachable ({dead}, ConnectionRefused)", text, StringComparison.Ordinal);
        Assert.Contains("fell back to the grounded writer: 1 draft(s), circuit open", text, StringComparison.Ordinal);
        Assert.Equal(grounded, drafted);
    }

    [Fact]
    public async Task Without_a_model_the_summary_names_the_grounded_writer_and_no_fallbacks()
    {
        var (exit, _) = await RunAsync("plain");

        Assert.Equal(0, exit);
        Assert.Matches(@"draft writer\s*│\s*grounded \(no model\)", _cli.Flat);
        Assert.DoesNotContain("fallen back", _cli.Flat, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--model", "/no/such/model.gguf" }, "/no/such/model.gguf")]
    [InlineData(new[] { "--model", "/no/such/model.gguf" }, "does not exist")]
    [InlineData(new[] { "--model", "m.gguf", "--endpoint", "http://127.0.0.1:9/v1" }, "not both")]
    [InlineData(new[] { "--endpoint", "localhost:11434", "--endpoint-model", "m" }, "--endpoint 'localhost:11434' is not an absolute http(s) URL")]
    [InlineData(new[] { "--endpoint", "http://127.0.0.1:9/v1" }, "--endpoint needs --endpoint-model NAME")]
    [InlineData(new[] { "--endpoint-model", "m" }, "--endpoint-model only applies with --endpoint URL")]
    [InlineData(new[] { "--endpoint", "http://127.0.0.1:9/v1", "--endpoint-model", "m", "--api-key-env", "HYBRIDAI_TEST_NO_SUCH_KEY_VAR" }, "HYBRIDAI_TEST_NO_SUCH_KEY_VAR")]
    [InlineData(new[] { "--max-tokens", "0" }, "--max-tokens must be at least 1")]
    [InlineData(new[] { "--draft-timeout", "0" }, "--draft-timeout must be a positive number of seconds")]
    public async Task Bad_writer_options_are_input_errors(string[] options, string expected)
    {
        var (exit, replies) = await RunAsync("bad", options);

        Assert.Equal(HybridAI.Cli.HybridAICommand.InputError, exit);
        Assert.Contains(expected, _cli.Flat, StringComparison.Ordinal);
        Assert.Empty(replies);
    }

    /// <summary>A loopback port nobody listens on: bound, then released.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _cli.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // SQLite files still closing must not fail a test that passed.
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }
    }
}
