namespace HybridAI.Classifiers;

/// <summary>How a <see cref="TextFeaturizer"/> turns terms into feature indices.</summary>
public enum FeatureSpace
{
    /// <summary>
    /// Terms are hashed into a fixed number of buckets: no vocabulary to store, unseen words still
    /// land somewhere, at the cost of rare collisions.
    /// </summary>
    Hashed = 0,

    /// <summary>Terms get indices from a vocabulary fitted on the training texts; unknown terms are ignored.</summary>
    Vocabulary = 1,
}
