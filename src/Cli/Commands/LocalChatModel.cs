using HybridAI.Generators.Local;
using HybridAI.Native.LlamaCpp;
using Microsoft.Extensions.AI;

namespace HybridAI.Cli.Commands;

/// <summary>Opens <c>--model PATH</c>: a GGUF file through llama.cpp, or a folder holding an ONNX decoder.</summary>
internal static class LocalChatModel
{
    /// <summary>Opens the model; the exceptions a bad path or a broken file throws are named in <see cref="IsInputError"/>.</summary>
    public static IChatClient Open(string path, int contextSize, int? threads, int maxConcurrentRequests)
    {
        if (Directory.Exists(path))
        {
            if (!OnnxDecoderChatClient.IsModelFolder(path))
            {
                throw new FileNotFoundException($"{path} is a folder without an ONNX decoder: expected model.onnx (or decoder_model_merged.onnx, or either under onnx/) and tokenizer.json; a GGUF model is passed as a file.");
            }

            return OnnxDecoderChatClient.Open(path);
        }

        return new LlamaCppChatClient(path, new LlamaCppChatClientOptions
        {
            Context = new LlamaContextOptions { ContextSize = contextSize, Threads = threads },
            MaxConcurrentRequests = maxConcurrentRequests,
        });
    }

    /// <summary>The model given is at fault (missing, not a model): exit code 2.</summary>
    public static bool IsInputError(Exception e) =>
        e is LlamaModelLoadException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or NotSupportedException;

    /// <summary>llama.cpp itself is missing or the wrong build: not the user's model at fault, exit code 1.</summary>
    public static bool IsRuntimeError(Exception e) => e is DllNotFoundException or LlamaCppException;
}
