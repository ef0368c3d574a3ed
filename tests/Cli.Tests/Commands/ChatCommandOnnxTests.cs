using HybridAI.Cli.Tests.Support;
using HybridAI.Generators.Tests.Local;
using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Cli.Tests.Commands;

/// <summary><c>hybridai chat --model DIR</c> on an ONNX decoder folder (the tiny decoder graph the Generators tests build).</summary>
public sealed class ChatCommandOnnxTests : IDisposable
{
    private readonly CliConsole _cli = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("hybridai-chat-onnx-").FullName;

    [OnnxDecoderFact]
    public async Task A_folder_with_an_onnx_decoder_chats_and_the_same_seed_repeats_the_reply()
    {
        TinyDecoder.WriteFolder(_folder, new TinyDecoder().Build());
        string[] args = ["chat", "--model", _folder, "--max-tokens", "6", "--temperature", "1", "--seed", "3"];

        Assert.Equal(0, await _cli.RunWithInputAsync("hello\n", args));
        var first = _cli.Output;
        Assert.Contains("(reply cut at --max-tokens)", first, StringComparison.Ordinal);
        Assert.NotEqual("(reply cut at --max-tokens)", first.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]); // a reply streamed before the notice

        Assert.Equal(0, await _cli.RunWithInputAsync("hello\n", args));
        Assert.Equal(first, _cli.Output);
    }

    [OnnxDecoderFact]
    public async Task A_folder_without_a_decoder_is_an_input_error_saying_what_is_expected()
    {
        Assert.Equal(2, await _cli.RunWithInputAsync("hi\n", "chat", "--model", _folder));
        Assert.Contains(_folder, _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("model.onnx", _cli.Flat, StringComparison.Ordinal);
    }

    [OnnxDecoderFact]
    public async Task A_decoder_without_its_tokenizer_is_an_input_error()
    {
        TinyDecoder.WriteFolder(_folder, new TinyDecoder().Build());
        File.Delete(Path.Combine(_folder, "tokenizer.json"));
        Assert.Equal(2, await _cli.RunWithInputAsync("hi\n", "chat", "--model", _folder));
        Assert.Contains("tokenizer.json", _cli.Flat, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Needs ONNX Runtime: skipped with the reason when missing, except under CI=true, where it fails.</summary>
    private sealed class OnnxDecoderFactAttribute : FactAttribute
    {
        public OnnxDecoderFactAttribute()
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            try
            {
                OnnxRuntimeLibrary.Locate();
            }
            catch (DllNotFoundException e)
            {
                Skip = e.Message;
            }
        }
    }
}
