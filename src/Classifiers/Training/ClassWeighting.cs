namespace HybridAI.Classifiers;

/// <summary>How much each training example counts, by its label.</summary>
public enum ClassWeighting
{
    /// <summary>Every example counts once.</summary>
    None = 0,

    /// <summary>
    /// Examples of rare labels count more: weight = n / (labels × n_label), so each label carries
    /// the same total weight. Use when some ticket categories are much rarer than others.
    /// </summary>
    Balanced = 1,
}
