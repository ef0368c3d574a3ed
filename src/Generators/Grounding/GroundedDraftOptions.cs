using HybridAI.Abstractions.Generation;

namespace HybridAI.Generators.Grounding;

/// <summary>How a <see cref="GroundedDraftWriter"/> picks and lays out evidence sentences.</summary>
public sealed class GroundedDraftOptions
{
    /// <summary>The most evidence sentences in a draft's body. Default 4.</summary>
    public int MaxSentences { get; init; } = 4;

    /// <summary>"en", "fr", or null (the default) to guess from the question's function words and accents.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// The least support (TF-IDF cosine between question and sentence, in [0, 1]) a sentence needs to be
    /// quoted. When none reaches it the draft is not grounded and says so. Default 0.1.
    /// </summary>
    public double MinSupport { get; init; } = 0.1;

    /// <summary>
    /// A sentence also needs at least this fraction of the best sentence's support, so one strong answer is not
    /// padded with sentences that merely share a word with the question. In [0, 1]; default 0.4.
    /// </summary>
    public double MinRelativeSupport { get; init; } = 0.4;

    /// <summary>
    /// A candidate this similar (cosine, in (0, 1]) to a sentence already chosen is a near-duplicate and is
    /// skipped. Default 0.7.
    /// </summary>
    public double RedundancyThreshold { get; init; } = 0.7;

    /// <summary>
    /// The weight of relevance against novelty when choosing the next sentence (maximal marginal relevance):
    /// 1 ranks by relevance alone, lower values favour sentences unlike those already chosen. Default 0.7.
    /// </summary>
    public double RelevanceWeight { get; init; } = 0.7;

    /// <summary>
    /// Counts tokens for the output budget and for usage: the tokenizer of the model whose budget the draft stands in
    /// for (<c>TiktokenEncoding.ForModel("gpt-4o")</c>, a local model's <c>ByteLevelBpeTokenizer</c>). Null, the default,
    /// falls back to <see cref="Tokenization.EstimatedTokenCounter"/>, an estimate.
    /// </summary>
    public ITokenCounter? TokenCounter { get; init; }

    internal ITokenCounter Counter => TokenCounter ?? Tokenization.EstimatedTokenCounter.Instance;

    internal void Validate()
    {
        if (MaxSentences < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSentences), MaxSentences, "MaxSentences must be at least 1.");
        }

        if (Language is not null && Language is not ("en" or "fr"))
        {
            throw new ArgumentException($"Language '{Language}' is not supported; use \"en\", \"fr\" or null to detect it.", nameof(Language));
        }

        if (double.IsNaN(MinSupport) || MinSupport is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinSupport), MinSupport, "MinSupport must be between 0 and 1.");
        }

        if (double.IsNaN(MinRelativeSupport) || MinRelativeSupport is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinRelativeSupport), MinRelativeSupport, "MinRelativeSupport must be between 0 and 1.");
        }

        if (double.IsNaN(RedundancyThreshold) || RedundancyThreshold is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RedundancyThreshold), RedundancyThreshold, "RedundancyThreshold must be greater than 0 and at most 1.");
        }

        if (double.IsNaN(RelevanceWeight) || RelevanceWeight is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(RelevanceWeight), RelevanceWeight, "RelevanceWeight must be between 0 and 1.");
        }
    }
}
