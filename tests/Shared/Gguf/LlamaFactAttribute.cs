using HybridAI.Native.LlamaCpp;

namespace HybridAI.Tests.Gguf;

/// <summary>A test that needs llama.cpp and the LLaMA vocabulary (for the tiny GGUF): skipped with the reason when either is missing, except under CI=true, where it fails. Shared by every test project that links tests/Shared/Gguf.</summary>
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
