namespace HybridAI.Generators.Grounding;

/// <summary>A reply, summary or report written only from evidence and inference results, with where every sentence came from.</summary>
public sealed class GroundedDraft
{
    internal GroundedDraft(string text, IReadOnlyList<DraftSentence> sentences, IReadOnlyList<Citation> citations, bool grounded, string language, int[] sentenceOffsets, IReadOnlyList<string> boilerplate)
    {
        Text = text;
        Sentences = sentences;
        Citations = citations;
        Grounded = grounded;
        Language = language;
        SentenceOffsets = sentenceOffsets;
        Boilerplate = boilerplate;
    }

    /// <summary>The rendered draft: greeting or title, findings, cited sentences, sources list, signature.</summary>
    public string Text { get; }

    /// <summary>
    /// Every claim in <see cref="Text"/>, in the order it appears: sentences quoted from the evidence and, in a report,
    /// sentences stating the inference result (<see cref="DraftSentence.Kind"/>). Each is followed by its marker.
    /// No evidence sentence when not grounded.
    /// </summary>
    public IReadOnlyList<DraftSentence> Sentences { get; }

    /// <summary>The sources list: one entry per cited passage or model output, numbered in order of first use (a report's model output is [1]).</summary>
    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>
    /// The rest of <see cref="Text"/>, which makes no claim: the template's wording (greeting, headings, the "not covered"
    /// line, signature) and the caller's slot values, in layout order. Text = these, the <see cref="Sentences"/> with their
    /// markers, and the sources entries; a reviewer UI can tell claims from boilerplate with it.
    /// </summary>
    public IReadOnlyList<string> Boilerplate { get; }

    /// <summary>
    /// False when no evidence sentence reached the support threshold: the text then says plainly that the
    /// knowledge base does not cover the question (a reply adds that an agent will follow up), and no passage is cited.
    /// </summary>
    public bool Grounded { get; }

    /// <summary>The language written in: "en" or "fr".</summary>
    public string Language { get; }

    // Where each body sentence starts in Text, then where the last one ends (empty when unknown),
    // so streaming can cut the text sentence by sentence.
    internal int[] SentenceOffsets { get; }

    /// <inheritdoc />
    public override string ToString() => Text;
}
