using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Rag;

/// <summary>Evidence compressed to a token budget.</summary>
public sealed class CompressedEvidence
{
    internal CompressedEvidence(IReadOnlyList<CompressedPassage> passages, int tokensBefore, int tokensAfter)
    {
        Passages = passages;
        TokensBefore = tokensBefore;
        TokensAfter = tokensAfter;
        Evidence = [.. passages.Where(p => p.Outcome != PackingOutcome.Dropped).Select(p => p.Outcome == PackingOutcome.Included ? p.Passage : p.Passage with { Text = p.Text })];
    }

    /// <summary>Every passage given, in its original order, with its outcome.</summary>
    public IReadOnlyList<CompressedPassage> Passages { get; }

    /// <summary>The passages left, in their original order, with their shortened texts: ready for <see cref="EvidencePacker"/> or <see cref="Chat.EvidencePrompt"/>.</summary>
    public IReadOnlyList<EvidencePassage> Evidence { get; }

    /// <summary>The passages' tokens before compression.</summary>
    public int TokensBefore { get; }

    /// <summary>The tokens left, at most <see cref="EvidenceCompressionOptions.MaxTokens"/>.</summary>
    public int TokensAfter { get; }
}
