using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Chat;

namespace HybridAI.Generators.Rag;

/// <summary>The token budget and layout an <see cref="EvidencePacker"/> packs evidence into.</summary>
public sealed class EvidencePackingOptions
{
    /// <summary>
    /// The most tokens the whole prompt may take: the system message (instructions and numbered sources) plus the
    /// question, each counted by <see cref="TokenCounter"/>, plus <see cref="ReservedTokens"/>. Null for no limit on
    /// the prompt; at least one of this and <see cref="MaxEvidenceTokens"/> must be set.
    /// </summary>
    public int? MaxPromptTokens { get; init; }

    /// <summary>
    /// The most tokens the numbered sources may take (the text after the <c>Sources:</c> heading, counted as one
    /// text). Null for no limit of its own.
    /// </summary>
    public int? MaxEvidenceTokens { get; init; }

    /// <summary>
    /// Tokens held back from <see cref="MaxPromptTokens"/> for what the counter does not see: chat framing (OpenAI's
    /// rule adds 3 per message plus the role, and 3 to prime the reply: 11 for this two-message prompt) or room for
    /// the answer when the budget is the context window. Default 0.
    /// </summary>
    public int ReservedTokens { get; init; }

    /// <summary>What to do with a passage that no longer fits whole. Default <see cref="PassageOverflow.CutAtSentence"/>.</summary>
    public PassageOverflow Overflow { get; init; } = PassageOverflow.CutAtSentence;

    /// <summary>The instructions of the system message; <see cref="EvidencePrompt.DefaultInstructions"/> (cite every claim, say when the sources do not answer) when null.</summary>
    public string? Instructions { get; init; }

    /// <summary>
    /// Counts tokens: the tokenizer of the model the prompt is for (<c>TiktokenEncoding.ForModel("gpt-4o")</c>, a local
    /// model's own). Null, the default, uses <see cref="Tokenization.EstimatedTokenCounter"/>, an estimate.
    /// </summary>
    public ITokenCounter? TokenCounter { get; init; }

    internal ITokenCounter Counter => TokenCounter ?? Tokenization.EstimatedTokenCounter.Instance;

    internal void Validate()
    {
        if (MaxPromptTokens is null && MaxEvidenceTokens is null)
        {
            throw new ArgumentException("Set MaxPromptTokens, MaxEvidenceTokens or both: packing needs a budget.", nameof(MaxPromptTokens));
        }

        if (MaxPromptTokens is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxPromptTokens), MaxPromptTokens, "MaxPromptTokens must be at least 1.");
        }

        if (MaxEvidenceTokens is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEvidenceTokens), MaxEvidenceTokens, "MaxEvidenceTokens must not be negative.");
        }

        if (ReservedTokens < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ReservedTokens), ReservedTokens, "ReservedTokens must not be negative.");
        }

        if (!Enum.IsDefined(Overflow))
        {
            throw new ArgumentOutOfRangeException(nameof(Overflow), Overflow, "Overflow must be CutAtSentence or Drop.");
        }
    }
}
