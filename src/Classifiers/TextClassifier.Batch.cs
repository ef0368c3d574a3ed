using HybridAI.Abstractions.Classification;

namespace HybridAI.Classifiers;

// The batch contract lets a batching workflow step take this model; classifying in-process has no per-call
// overhead to share, so a batch is the same loop as ClassifyAll, with the same results as one by one.
public sealed partial class TextClassifier : IBatchClassifier<string>
{
    IReadOnlyList<Classification> IBatchClassifier<string>.Classify(IReadOnlyList<string> inputs) => ClassifyAll(inputs);
}
