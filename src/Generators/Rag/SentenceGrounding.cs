namespace HybridAI.Generators.Rag;

/// <summary>One sentence of an answer and how well the evidence supports it.</summary>
public sealed class SentenceGrounding
{
    internal SentenceGrounding(string text, int start, AnswerSentenceKind kind, IReadOnlyList<int> citations)
    {
        Text = text;
        Start = start;
        Kind = kind;
        Citations = citations;
    }

    /// <summary>The sentence as it appears in the answer, citation markers included.</summary>
    public string Text { get; }

    /// <summary>Where it starts in the answer (its length is <see cref="Text"/>'s).</summary>
    public int Start { get; }

    /// <summary>Claim, framing, refusal or sources list; only claims are checked against the evidence.</summary>
    public AnswerSentenceKind Kind { get; }

    /// <summary>The source numbers it cites (<c>[1]</c>, <c>[1][2]</c>, <c>[1, 2]</c>, <c>[1-3]</c>), in the order written, each once.</summary>
    public IReadOnlyList<int> Citations { get; }

    /// <summary>
    /// The share of its content (idf-weighted content terms, citation markers left out) found in the best-matching
    /// evidence: an evidence sentence or two adjacent ones of a passage, plus at most one more such window for a sentence that
    /// joins two facts. In [0, 1]; 1 for a sentence quoted word for word.
    /// </summary>
    public double Support { get; internal set; }

    /// <summary>The number <c>[n]</c> of the passage holding the best-matching evidence, when any evidence shares a term with it.</summary>
    public int? EvidenceNumber { get; internal set; }

    /// <summary>The id of that passage.</summary>
    public string? EvidenceId { get; internal set; }

    /// <summary>The evidence sentence that matches it best.</summary>
    public string? EvidenceSentence { get; internal set; }

    /// <summary>True when a number in it (an amount, a delay, a date) appears in none of the best-matching evidence.</summary>
    public bool HasUnsupportedNumber { get; internal set; }

    /// <summary>Whether the evidence supports it: <see cref="Support"/> reaches <see cref="GroundednessOptions.MinSupport"/> and every number in it is in that evidence.</summary>
    public bool IsSupported { get; internal set; }

    /// <summary>
    /// Whether the passages it cites support it (the same test, on those passages only); null when it cites nothing.
    /// False for a citation of a number the prompt has no source for. When the answer ends with its own sources list
    /// (<c>[1] Refund policy</c>, as <see cref="Chat.GroundedChatClient"/> writes), its markers are read through that
    /// list: <c>[1]</c> is the prompt's passage with that source, whatever its number in the prompt.
    /// </summary>
    public bool? CitationSupported { get; internal set; }

    /// <summary>The support found in the cited passages alone; null when it cites nothing.</summary>
    public double? CitedSupport { get; internal set; }

    /// <summary>
    /// A claim that is not supported, or whose citation does not support it, or (with
    /// <see cref="GroundednessOptions.RequireCitations"/>) that cites nothing.
    /// </summary>
    public bool IsFlagged { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{(IsFlagged ? "FLAGGED" : "ok")} {Kind} {Support:0.00}: {Text}";
}
