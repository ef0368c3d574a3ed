using HybridAI.Abstractions.Retrieval;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Grounding;

/// <summary>A candidate sentence: where it lies in which passage, its terms, and how well it answers.</summary>
internal sealed class EvidenceSentence(int passage, TextSpan span, int[] termIds, int[] termCounts)
{
    public int Passage { get; } = passage;

    public TextSpan Span { get; } = span;

    public int[] TermIds { get; } = termIds;

    public int[] TermCounts { get; } = termCounts;

    public TermVector Vector { get; set; } = TermVector.Empty;

    public double Support { get; set; }
}
