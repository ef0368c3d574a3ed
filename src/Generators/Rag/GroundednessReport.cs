namespace HybridAI.Generators.Rag;

/// <summary>How well an answer is supported by the evidence it was written from, sentence by sentence.</summary>
public sealed class GroundednessReport
{
    internal GroundednessReport(IReadOnlyList<SentenceGrounding> sentences)
    {
        Sentences = sentences;
        Flagged = [.. sentences.Where(s => s.IsFlagged)];
        Claims = sentences.Count(s => s.Kind == AnswerSentenceKind.Claim);
        SupportedClaims = sentences.Count(s => s.Kind == AnswerSentenceKind.Claim && s.IsSupported);
        WrongCitations = sentences.Count(s => s.Kind == AnswerSentenceKind.Claim && s.IsSupported && s.CitationSupported == false);
        Refused = sentences.Any(s => s.Kind == AnswerSentenceKind.Refusal);
    }

    /// <summary>Every sentence of the answer, in order.</summary>
    public IReadOnlyList<SentenceGrounding> Sentences { get; }

    /// <summary>The flagged claims: unsupported, wrongly cited, or (when citations are required) uncited.</summary>
    public IReadOnlyList<SentenceGrounding> Flagged { get; }

    /// <summary>How many sentences are claims.</summary>
    public int Claims { get; }

    /// <summary>How many claims the evidence supports.</summary>
    public int SupportedClaims { get; }

    /// <summary>How many claims the evidence supports but whose cited sources do not: true, wrongly cited.</summary>
    public int WrongCitations { get; }

    /// <summary>Whether the answer says the sources do not cover the question.</summary>
    public bool Refused { get; }

    /// <summary>The share of claims the evidence supports, in [0, 1]; 1 when there are no claims (a refusal, a greeting).</summary>
    public double GroundedRatio => Claims == 0 ? 1 : (double)SupportedClaims / Claims;

    /// <summary>True when no claim is flagged.</summary>
    public bool IsGrounded => Flagged.Count == 0;
}
