using HybridAI.Abstractions.Generation;

namespace HybridAI.Generators.Rag;

/// <summary>The budget an <see cref="EvidenceCompressor"/> compresses evidence to.</summary>
public sealed class EvidenceCompressionOptions
{
    /// <summary>The most tokens the passages' texts may take together, each counted by <see cref="TokenCounter"/>. Required, at least 0.</summary>
    public required int MaxTokens { get; init; }

    /// <summary>Keep the most relevant sentences, or drop whole passages. Default <see cref="CompressionMode.Summarize"/>.</summary>
    public CompressionMode Mode { get; init; } = CompressionMode.Summarize;

    /// <summary>Counts tokens; null, the default, uses <see cref="Tokenization.EstimatedTokenCounter"/>, an estimate.</summary>
    public ITokenCounter? TokenCounter { get; init; }

    internal ITokenCounter Counter => TokenCounter ?? Tokenization.EstimatedTokenCounter.Instance;

    internal void Validate()
    {
        if (MaxTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), MaxTokens, "MaxTokens must not be negative.");
        }

        if (!Enum.IsDefined(Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Mode must be Summarize or DropPassages.");
        }
    }
}
