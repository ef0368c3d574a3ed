namespace HybridAI.Generators.Rag;

/// <summary>What <see cref="EvidencePacker"/> does with a passage that does not fit in what is left of the budget.</summary>
public enum PassageOverflow
{
    /// <summary>Keep as many of its leading sentences as fit (at least one), cut at a sentence boundary; drop it when not even its first sentence fits.</summary>
    CutAtSentence,

    /// <summary>Drop the whole passage.</summary>
    Drop,
}
