using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Rag;

/// <summary>One ranked passage and what packing did with it.</summary>
/// <param name="Rank">Its position in the ranked evidence given to the packer, from 0.</param>
/// <param name="Passage">The passage as given.</param>
/// <param name="Outcome">Included whole, cut at a sentence boundary, or dropped.</param>
/// <param name="Number">Its source marker <c>[Number]</c> in the prompt; null when dropped.</param>
/// <param name="Text">The text put in the prompt (a leading run of its sentences when truncated); empty when dropped.</param>
/// <param name="Tokens">What its entry (<c>[n] (source) text</c> and the line break before it) counts alone; 0 when dropped.</param>
public sealed record PackedPassage(int Rank, EvidencePassage Passage, PackingOutcome Outcome, int? Number, string Text, int Tokens);
