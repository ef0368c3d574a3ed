namespace HybridAI.Retrieval.Embeddings;

/// <summary>How <see cref="WordVectorEmbeddingGenerator"/> weighs the words of a text when it averages their vectors.</summary>
public enum WordWeighting
{
    /// <summary>Smooth inverse frequency: weight a / (a + p(w)), so "the" and "of" barely count and rare words dominate.</summary>
    Sif,

    /// <summary>Every known word counts the same (a plain average).</summary>
    Uniform,
}
