using HybridAI.Generators.Grounding;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>An answer and the evidence it was written from, numbered as in its prompt (<c>Evidence[i]</c> is <c>[i + 1]</c>).</summary>
/// <param name="Text">The answer.</param>
/// <param name="Evidence">The passages the prompt gave.</param>
public sealed record GroundedAnswer(string Text, IReadOnlyList<EvidencePassage> Evidence);
