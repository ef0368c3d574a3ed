namespace HybridAI.Generators.Grounding;

/// <summary>One entry of a draft's "Sources" list.</summary>
/// <param name="Number">The marker's number: <c>[Number]</c> in the text, counted from 1.</param>
/// <param name="EvidenceId">The cited passage's <see cref="EvidencePassage.Id"/>, or the cited <see cref="InferenceResult.Id"/>.</param>
/// <param name="Source">The cited passage's <see cref="EvidencePassage.Source"/>, or the <see cref="InferenceResult.Model"/> that produced the result.</param>
/// <param name="Kind">Whether it cites an evidence passage or a model's output.</param>
public sealed record Citation(int Number, string EvidenceId, string Source, CitationKind Kind = CitationKind.Evidence);
