namespace HybridAI.Generators.Grounding;

/// <summary>A reply or summary written only from evidence, with where every sentence came from.</summary>
public sealed class GroundedDraft
{
    internal GroundedDraft(string text, IReadOnlyList<DraftSentence> sentences, IReadOnlyList<Citation> citations, bool grounded, string language, int[] sentenceOffsets)
    {
        Text = text;
        Sentences = sentences;
        Citations = citations;
        Grounded = grounded;
        Language = language;
        SentenceOffsets = sentenceOffsets;
    }

    /// <summary>The rendered reply: greeting, intro, cited sentences, sources list, signature.</summary>
    public string Text { get; }

    /// <summary>The quoted sentences in the order they appear in <see cref="Text"/>; empty when not grounded.</summary>
    public IReadOnlyList<DraftSentence> Sentences { get; }

    /// <summary>The sources list: one entry per cited passage, numbered in order of first use.</summary>
    public IReadOnlyList<Citation> Citations { get; }

    /// <summary>
    /// False when no evidence sentence reached the support threshold: the text then says the
    /// knowledge base does not cover the question and that an agent will follow up.
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
