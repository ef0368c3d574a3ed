namespace HybridAI.Generators.Grounding;

/// <summary>One sentence of a draft's body, quoted from the evidence.</summary>
/// <param name="Text">The sentence exactly as it appears in its passage.</param>
/// <param name="CitationNumber">The <c>[n]</c> marker that follows it (see <see cref="GroundedDraft.Citations"/>).</param>
/// <param name="EvidenceId">The id of the passage it was quoted from.</param>
/// <param name="Support">How well it answers the question: TF-IDF cosine similarity in [0, 1].</param>
public sealed record DraftSentence(string Text, int CitationNumber, string EvidenceId, double Support);
