namespace HybridAI.Retrieval.Evaluation;

/// <summary>What the ids of a <see cref="LabelledQuery"/> name.</summary>
public enum RelevantIdKind
{
    /// <summary>Document ids: a document counts once, at the rank of its best chunk.</summary>
    Document,

    /// <summary>Chunk ids: each chunk counts on its own.</summary>
    Chunk,
}
