using HybridAI.Tests.Gguf;
using HybridAI.Hosting.Tests.Support;
using HybridAI.Native.LlamaCpp;

namespace HybridAI.Hosting.Tests;

public sealed class ServerArgumentsTests
{
    [Fact]
    public void Reads_model_urls_and_sizes()
    {
        var options = ServerArguments.Parse(["--model", "m.gguf", "--urls", "http://127.0.0.1:1; http://127.0.0.1:2", "--model-id", "m", "--context", "1024", "--threads", "2", "--parallel", "3"]);
        Assert.Equal("m.gguf", options.ModelPath);
        Assert.Equal(["http://127.0.0.1:1", "http://127.0.0.1:2"], options.Urls);
        Assert.Equal("m", options.ModelId);
        Assert.Equal((1024, 2, 3), (options.ContextSize, options.Threads, options.MaxConcurrentRequests));
    }

    [Theory]
    [InlineData("--port", "80", "--port")]
    [InlineData("--context", "-5", "--context")]
    [InlineData("--model", null, "--model")]
    public void Bad_arguments_name_the_option(string name, string? value, string named)
    {
        string[] args = value is null ? [name] : [name, value];
        var e = Assert.Throws<ArgumentException>(() => ServerArguments.Parse(args));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [LlamaFact]
    public void A_missing_model_file_fails_when_the_server_is_built_naming_the_file()
    {
        var e = Assert.Throws<LlamaModelLoadException>(() => HybridAIServer.Build(new HybridAIServerOptions { ModelPath = "/no/such/model.gguf" }));
        Assert.Contains("/no/such/model.gguf", e.Message, StringComparison.Ordinal);
    }
}
