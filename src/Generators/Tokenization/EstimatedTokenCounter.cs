using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Tokenization;

/// <summary>
/// The fallback when no tokenizer is known for a model: an estimate, not a count (one token per started six letters
/// or digits of a word, one per other visible character; typically within 20% of BPE counts on English prose). Use
/// <see cref="TiktokenEncoding"/> for OpenAI models and <see cref="ByteLevelBpeTokenizer"/> for local ones instead.
/// </summary>
public sealed class EstimatedTokenCounter : ITokenCounter
{
    /// <summary>The one instance (it has no state).</summary>
    public static readonly EstimatedTokenCounter Instance = new();

    private EstimatedTokenCounter()
    {
    }

    /// <inheritdoc />
    public int CountTokens(string text) => TokenEstimate.Count(text ?? throw new ArgumentNullException(nameof(text)));
}
