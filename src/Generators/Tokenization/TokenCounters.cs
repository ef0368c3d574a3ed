using HybridAI.Abstractions.Generation;

namespace HybridAI.Generators.Tokenization;

/// <summary>Picks the token counter for a model by its id.</summary>
public static class TokenCounters
{
    /// <summary>
    /// The model's tiktoken encoding when it is an OpenAI model (<see cref="TiktokenEncoding.EncodingNameForModel"/>) and
    /// the rank files are installed; otherwise <see cref="EstimatedTokenCounter.Instance"/>, an estimate. For a local model
    /// pass its own tokenizer instead (<c>OnnxDecoderChatClient.Tokenizer</c>, or <c>GetService(typeof(ITokenCounter))</c>).
    /// </summary>
    /// <example>
    /// <code>
    /// ITokenCounter counter = TokenCounters.ForModel("gpt-4o-mini"); // o200k_base
    /// </code>
    /// </example>
    public static ITokenCounter ForModel(string? modelId)
    {
        if (modelId is null || TiktokenEncoding.EncodingNameForModel(modelId) is not { } encoding)
        {
            return EstimatedTokenCounter.Instance;
        }

        try
        {
            return TiktokenEncoding.Get(encoding);
        }
        catch (FileNotFoundException)
        {
            return EstimatedTokenCounter.Instance;
        }
    }
}
