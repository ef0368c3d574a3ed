namespace HybridAI.Retrieval.Embeddings;

/// <summary>How <see cref="OnnxSentenceEmbeddingGenerator"/> turns a model's per-token vectors into one vector per text.</summary>
public enum SentencePooling
{
    /// <summary>
    /// The average of the vectors of the real tokens ([CLS] and [SEP] included, padding excluded): what
    /// sentence-transformers models such as all-MiniLM-L6-v2 are trained with.
    /// </summary>
    Mean = 0,

    /// <summary>The vector of the first token, [CLS]: for models trained that way (some BGE and E5 variants).</summary>
    Cls = 1,
}
