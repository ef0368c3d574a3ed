namespace HybridAI.Generators.Grounding;

/// <summary>One claim of a draft's body: a sentence quoted from the evidence, or a sentence stating a model's output.</summary>
/// <param name="Text">
/// For <see cref="CitationKind.Evidence"/>, the sentence exactly as it appears in its passage; for
/// <see cref="CitationKind.ModelOutput"/>, the template's finding phrase filled with the inference result's values.
/// </param>
/// <param name="CitationNumber">The <c>[n]</c> marker that follows it (see <see cref="GroundedDraft.Citations"/>).</param>
/// <param name="EvidenceId">The id of the passage it was quoted from, or of the inference result it states.</param>
/// <param name="Support">How well it answers the question: TF-IDF cosine similarity in [0, 1]; 1 for a model finding.</param>
/// <param name="Kind">Whether it is quoted evidence or a model finding.</param>
public sealed record DraftSentence(string Text, int CitationNumber, string EvidenceId, double Support, CitationKind Kind = CitationKind.Evidence);
