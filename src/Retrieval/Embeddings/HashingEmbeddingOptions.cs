namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// What <see cref="HashingEmbeddingGenerator"/> hashes. The defaults suit short English or French texts
/// (tickets, questions, titles): unigrams and bigrams of words plus 3- to 5-letter pieces of each word, so that
/// "refund", "refunds" and "refunded" share most of their features.
/// </summary>
public sealed class HashingEmbeddingOptions
{
    /// <summary>The smallest accepted <see cref="Dimensions"/>.</summary>
    public const int MinDimensions = 16;

    /// <summary>The largest accepted <see cref="Dimensions"/>.</summary>
    public const int MaxDimensions = 1 << 20;

    /// <summary>The longest accepted word or character n-gram.</summary>
    public const int MaxNGram = 8;

    /// <summary>Length of the vectors. More dimensions mean fewer collisions between features. Default 1024.</summary>
    public int Dimensions { get; set; } = 1024;

    /// <summary>Word n-grams from 1 up to this length are hashed (2: words and word pairs); 0 hashes no words. Default 2.</summary>
    public int WordNGrams { get; set; } = 2;

    /// <summary>Shortest character n-gram taken inside each word (the word is framed by &lt; and &gt;). Default 3.</summary>
    public int MinCharNGram { get; set; } = 3;

    /// <summary>Longest character n-gram taken inside each word; 0 hashes no character n-grams. Default 5.</summary>
    public int MaxCharNGram { get; set; } = 5;

    /// <summary>Lower-cases the text before hashing. Default <see langword="true"/>.</summary>
    public bool FoldCase { get; set; } = true;

    /// <summary>Removes French and other Latin-1 accents (é→e, ç→c, œ→oe) before hashing. Default <see langword="true"/>.</summary>
    public bool FoldAccents { get; set; } = true;

    /// <summary>
    /// Gives each feature a hashed sign (+1 or −1), so features that collide in one dimension cancel on average instead
    /// of piling up: inner products then stay unbiased estimates of the true feature overlap. Default <see langword="true"/>.
    /// </summary>
    public bool SignedHashing { get; set; } = true;

    internal HashingEmbeddingOptions Validated()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimensions, MinDimensions, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Dimensions, MaxDimensions, nameof(Dimensions));
        ArgumentOutOfRangeException.ThrowIfNegative(WordNGrams, nameof(WordNGrams));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WordNGrams, MaxNGram, nameof(WordNGrams));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxCharNGram, nameof(MaxCharNGram));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxCharNGram, MaxNGram, nameof(MaxCharNGram));
        if (MaxCharNGram > 0)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(MinCharNGram, 1, nameof(MinCharNGram));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(MinCharNGram, MaxCharNGram, nameof(MinCharNGram));
        }

        if (WordNGrams == 0 && MaxCharNGram == 0)
        {
            throw new ArgumentException("Hash word n-grams, character n-grams or both: WordNGrams and MaxCharNGram are both 0.");
        }

        // A copy, so changing these options later cannot change the vectors of a generator already in use.
        return (HashingEmbeddingOptions)MemberwiseClone();
    }

    /// <summary>Names the options, so vectors made with different settings are never mistaken for each other.</summary>
    internal string ModelId() =>
        FormattableString.Invariant(
            $"hashing-v1-d{Dimensions}-w{WordNGrams}-c{(MaxCharNGram == 0 ? 0 : MinCharNGram)}-{MaxCharNGram}{(FoldCase ? "-case" : "")}{(FoldAccents ? "-accents" : "")}{(SignedHashing ? "-signed" : "")}");
}
