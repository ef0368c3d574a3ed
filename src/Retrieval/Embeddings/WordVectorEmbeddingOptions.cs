namespace HybridAI.Retrieval.Embeddings;

/// <summary>How <see cref="WordVectorEmbeddingGenerator"/> turns word vectors into one vector per text.</summary>
public sealed class WordVectorEmbeddingOptions
{
    /// <summary>SIF's smoothing constant a used when none is given (the SIF paper's range is 1e-4 to 1e-3).</summary>
    public const double DefaultSifA = 1e-3;

    /// <summary>How words are weighted. Default <see cref="WordWeighting.Sif"/>.</summary>
    public WordWeighting Weighting { get; set; } = WordWeighting.Sif;

    /// <summary>
    /// SIF's a in a / (a + p(w)). p(w) is estimated from the word's frequency rank with Zipf's law (the file has no
    /// counts): p(rank r) = 1 / (r · H(N)). Default <see cref="DefaultSifA"/>.
    /// </summary>
    public double SifA { get; set; } = DefaultSifA;

    /// <summary>
    /// Removes the common component (the direction nearly every sentence shares) from each vector, as SIF does.
    /// Default <see langword="true"/>.
    /// </summary>
    public bool RemoveCommonComponent { get; set; } = true;

    /// <summary>
    /// The component to remove; <see langword="null"/> uses the one stored in the word-vector file
    /// (<see cref="WordVectors.CommonComponent"/>). Set it to the result of
    /// <see cref="WordVectorEmbeddingGenerator.FitCommonComponent"/> to use one fitted on your own corpus, and store it:
    /// queries and documents must remove the same one.
    /// </summary>
    public IReadOnlyList<float>? CommonComponent { get; set; }

    internal float[] ResolveComponent(WordVectors vectors)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SifA, nameof(SifA));
        if (CommonComponent is null)
        {
            return vectors.CommonComponent.ToArray();
        }

        if (CommonComponent.Count != vectors.Dimensions)
        {
            throw new ArgumentException($"The common component has {CommonComponent.Count} values; the word vectors have {vectors.Dimensions} dimensions.");
        }

        var component = CommonComponent.ToArray();
        VectorMath.NormalizeInPlace(component);
        return component;
    }
}
