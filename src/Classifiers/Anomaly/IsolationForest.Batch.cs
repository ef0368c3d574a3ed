using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Anomaly;

// The batch contract lets a batching workflow step take this model; a batch is a loop over Score.
public sealed partial class IsolationForest : IBatchScorer<TabularRow>
{
    IReadOnlyList<double> IBatchScorer<TabularRow>.Score(IReadOnlyList<TabularRow> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var scores = new double[inputs.Count];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Score(inputs[i]);
        }

        return scores;
    }
}
