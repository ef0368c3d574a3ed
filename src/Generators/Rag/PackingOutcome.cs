namespace HybridAI.Generators.Rag;

/// <summary>What became of one passage when evidence was packed or compressed.</summary>
public enum PackingOutcome
{
    /// <summary>In the prompt, whole.</summary>
    Included,

    /// <summary>In the prompt, shortened: cut at a sentence boundary, or reduced to its most relevant sentences.</summary>
    Truncated,

    /// <summary>Left out.</summary>
    Dropped,
}
