using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

// The batch contract lets a batching workflow step take this model; in-process scoring has no per-call overhead
// to share, so a batch is a loop over Classify, with the same results as one by one.
public sealed partial class TabularClassifier : IBatchClassifier<TabularRow>
{
    IReadOnlyList<Classification> IBatchClassifier<TabularRow>.Classify(IReadOnlyList<TabularRow> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var results = new Classification[inputs.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Classify(inputs[i]);
        }

        return results;
    }
}
