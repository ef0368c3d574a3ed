namespace HybridAI.Scenarios.TicketTriage;

/// <summary>Which embedder vector and hybrid search of the knowledge base use.</summary>
public enum KnowledgeBaseEmbedding
{
    /// <summary>
    /// SIF average of the GloVe-derived wink word vectors (English vocabulary) when they are on the machine, else the
    /// hashing embedder with a notice. The default.
    /// </summary>
    WordVectors,

    /// <summary>Hashed word and character n-grams: no data needed, and it handles French and typos by spelling.</summary>
    Hashing,
}
