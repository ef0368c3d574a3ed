using HybridAI.Cli.Tests.Support;
using HybridAI.Tests.Gguf;

namespace HybridAI.Cli.Tests.Commands;

public sealed class ChatCommandTests : IDisposable
{
    private readonly CliConsole _cli = new();

    private Task<int> Chat(string input, params string[] extra) =>
        _cli.RunWithInputAsync(input, ["chat", "--model", TinyLlamaModel.SharedPath, "--threads", "1", .. extra]);

    [LlamaFact]
    public async Task Each_input_line_is_a_turn_and_its_reply_streams_back()
    {
        Assert.Equal(0, await Chat("Hello there\n\nTell me more\n", "--max-tokens", "6", "--temperature", "0"));
        var lines = _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length); // two replies, each cut at --max-tokens
        Assert.Equal(2, lines.Count(l => l == "(reply cut at --max-tokens)"));
        Assert.NotEqual("(reply cut at --max-tokens)", lines[0]);
    }

    [LlamaFact]
    public async Task The_same_seed_gives_the_same_conversation()
    {
        const string input = "Hi\nAnd then?\n";
        string[] options = ["--max-tokens", "8", "--temperature", "1", "--seed", "5", "--system", "You are a llama."];
        Assert.Equal(0, await Chat(input, options));
        var first = _cli.Output;
        Assert.Equal(0, await Chat(input, options));
        Assert.Equal(first, _cli.Output);
        Assert.Equal(0, await Chat(input, ["--max-tokens", "8", "--temperature", "1", "--seed", "6", "--system", "You are a llama."]));
        Assert.NotEqual(first, _cli.Output);
    }

    [LlamaFact]
    public async Task Slash_exit_ends_the_conversation()
    {
        Assert.Equal(0, await Chat("/exit\nnever answered\n", "--max-tokens", "4"));
        Assert.Equal("", _cli.Output);
    }

    [LlamaFact]
    public async Task A_file_that_is_not_gguf_is_an_input_error_naming_it()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "not a model");
            Assert.Equal(2, await _cli.RunWithInputAsync("Hi\n", "chat", "--model", path));
            Assert.Contains(path, _cli.Flat, StringComparison.Ordinal);
            Assert.Contains("not a GGUF file", _cli.Flat, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [LlamaFact]
    public async Task A_missing_model_is_an_input_error()
    {
        Assert.Equal(2, await _cli.RunWithInputAsync("Hi\n", "chat", "--model", "/no/such/model.gguf"));
        Assert.Contains("does not exist", _cli.Flat, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
