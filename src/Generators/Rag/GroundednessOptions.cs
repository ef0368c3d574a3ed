namespace HybridAI.Generators.Rag;

/// <summary>How a <see cref="GroundednessChecker"/> judges an answer, and what <see cref="GroundednessCheckingChatClient"/> does with flagged sentences.</summary>
public sealed class GroundednessOptions
{
    /// <summary>The phrases (English and French, compared accent- and case-folded) that make an uncited sentence a refusal rather than a claim.</summary>
    public static IReadOnlyList<string> DefaultRefusalPhrases { get; } =
    [
        "does not cover", "do not cover", "doesn't cover", "don't cover", "not covered", "no information", "not enough information",
        "do not know", "don't know", "cannot answer", "can't answer", "agent will follow up",
        "ne couvre pas", "ne couvrent pas", "pas couvert", "aucune information", "ne sais pas", "ne peux pas repondre", "conseiller va revenir",
    ];

    /// <summary>The least <see cref="SentenceGrounding.Support"/> a claim needs, in (0, 1]. Default 0.6: a quoted sentence scores 1, one with two new content words out of eight about 0.7.</summary>
    public double MinSupport { get; init; } = 0.6;

    /// <summary>A numbers rule on top of the score: a claim with a number not in its best-matching evidence is unsupported. Default true.</summary>
    public bool CheckNumbers { get; init; } = true;

    /// <summary>Flag claims that cite no source. Default false (uncited claims are still checked against all the evidence).</summary>
    public bool RequireCitations { get; init; }

    /// <summary>An uncited sentence with fewer distinct content words is framing, not a claim. Default 3.</summary>
    public int MinClaimTerms { get; init; } = 3;

    /// <summary>Phrases marking a refusal; <see cref="DefaultRefusalPhrases"/> by default.</summary>
    public IReadOnlyList<string> RefusalPhrases { get; init; } = DefaultRefusalPhrases;

    /// <summary>For <see cref="GroundednessCheckingChatClient"/>: keep, mark or drop flagged sentences. Default <see cref="UnsupportedSentenceAction.Keep"/>.</summary>
    public UnsupportedSentenceAction UnsupportedSentences { get; init; } = UnsupportedSentenceAction.Keep;

    /// <summary>For <see cref="UnsupportedSentenceAction.Mark"/>: the text put after a flagged sentence. Default <c>[unsupported]</c>.</summary>
    public string UnsupportedMarker { get; init; } = "[unsupported]";

    internal void Validate()
    {
        if (double.IsNaN(MinSupport) || MinSupport is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSupport), MinSupport, "MinSupport must be greater than 0 and at most 1.");
        }

        if (MinClaimTerms < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinClaimTerms), MinClaimTerms, "MinClaimTerms must be at least 1.");
        }

        if (RefusalPhrases is null)
        {
            throw new ArgumentNullException(nameof(RefusalPhrases), "RefusalPhrases must not be null; use an empty list for none.");
        }

        for (int i = 0; i < RefusalPhrases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(RefusalPhrases[i]))
            {
                throw new ArgumentException($"RefusalPhrases[{i}] is null or blank.", nameof(RefusalPhrases));
            }
        }

        if (!Enum.IsDefined(UnsupportedSentences))
        {
            throw new ArgumentOutOfRangeException(nameof(UnsupportedSentences), UnsupportedSentences, "UnsupportedSentences must be Keep, Mark or Drop.");
        }

        if (string.IsNullOrWhiteSpace(UnsupportedMarker))
        {
            throw new ArgumentException("UnsupportedMarker must not be null or blank.", nameof(UnsupportedMarker));
        }
    }
}
