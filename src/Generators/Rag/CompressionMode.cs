namespace HybridAI.Generators.Rag;

/// <summary>How an <see cref="EvidenceCompressor"/> makes evidence fit.</summary>
public enum CompressionMode
{
    /// <summary>Keep the sentences most relevant to the question, across all passages, and drop the rest: an extractive summary of each passage.</summary>
    Summarize,

    /// <summary>Drop whole passages, least relevant first.</summary>
    DropPassages,
}
