using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Rag;

/// <summary>One passage and what compression did with it.</summary>
/// <param name="Rank">Its position in the evidence given, from 0.</param>
/// <param name="Passage">The passage as given.</param>
/// <param name="Outcome">Kept whole, reduced to some of its sentences, or dropped.</param>
/// <param name="Text">What is left of its text: its kept sentences in their order, joined by a space; empty when dropped.</param>
/// <param name="Relevance">Its best sentence's TF-IDF cosine with the question, in [0, 1].</param>
/// <param name="Tokens">The tokens of <paramref name="Text"/>.</param>
public sealed record CompressedPassage(int Rank, EvidencePassage Passage, PackingOutcome Outcome, string Text, double Relevance, int Tokens);
