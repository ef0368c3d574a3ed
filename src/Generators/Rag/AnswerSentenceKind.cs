namespace HybridAI.Generators.Rag;

/// <summary>What a sentence of an answer is, for the groundedness check: only claims need evidence.</summary>
public enum AnswerSentenceKind
{
    /// <summary>States something: it must be supported by the evidence. Any sentence that cites a source is a claim.</summary>
    Claim,

    /// <summary>Greeting, thanks, a lead-in ending with ':', a question, a signature or heading (no end punctuation, few content words): nothing to support.</summary>
    Framing,

    /// <summary>Says the sources do not answer (one of <see cref="GroundednessOptions.RefusalPhrases"/>): the refusal the instructions ask for.</summary>
    Refusal,

    /// <summary>The trailing sources list (a <c>Sources:</c> heading and its <c>[n] …</c> lines).</summary>
    SourceList,
}
