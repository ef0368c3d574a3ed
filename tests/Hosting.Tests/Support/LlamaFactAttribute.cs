using HybridAI.Native.LlamaCpp;
using HybridAI.Tests.Gguf;

namespace HybridAI.Hosting.Tests.Support;

/// <summary>A test that serves the tiny GGUF through llama.cpp: skipped when llama.cpp or the LLaMA vocabulary is missing, except under CI=true, where it fails.</summary>
public sealed class LlamaFactAttribute : FactAttribute
{
    public LlamaFactAttribute()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            LlamaCppLibrary.Locate();
            if (TinyLlamaModel.TokenizerScript() is null)
            {
                Skip = "npm llama-tokenizer-js is not fetched (run eng/fetch-deps.sh).";
            }
        }
        catch (DllNotFoundException e)
        {
            Skip = e.Message;
        }
    }
}
