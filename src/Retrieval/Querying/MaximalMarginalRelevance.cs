using System.Numerics.Tensors;
using HybridAI.Retrieval.Sqlite;
using HybridAI.Retrieval.Vectors;

namespace HybridAI.Retrieval.Querying;

/// <summary>
/// Greedy MMR: relevance is the candidate's score scaled to [0, 1] within the list (so keyword, vector and fused
/// scores all work), similarity is the dot product of the chunks' unit vectors.
/// </summary>
internal static class MaximalMarginalRelevance
{
    public static List<SlottedHit> Select(IReadOnlyList<SlottedHit> candidates, double lambda, int top, VectorFile vectors) =>
        Select(candidates, static c => c.Hit.Score, (a, b) => a.Slot >= 0 && b.Slot >= 0 ? TensorPrimitives.Dot(vectors[a.Slot], vectors[b.Slot]) : 0, lambda, top);

    /// <summary>The same selection for candidates that carry their own vectors (a server backend returns them with the hits).</summary>
    public static List<T> Select<T>(IReadOnlyList<T> candidates, Func<T, double> score, Func<T, T, double> similarity, double lambda, int top)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        double max = candidates.Max(score);
        double min = candidates.Min(score);
        double range = max - min > 0 ? max - min : 1;
        var remaining = new List<T>(candidates);
        var chosen = new List<T>(top);
        while (chosen.Count < top && remaining.Count > 0)
        {
            int best = 0;
            double bestValue = double.NegativeInfinity;
            for (int i = 0; i < remaining.Count; i++)
            {
                double relevance = (score(remaining[i]) - min) / range;
                double similar = 0;
                foreach (T picked in chosen)
                {
                    similar = Math.Max(similar, similarity(remaining[i], picked));
                }

                double value = (lambda * relevance) - ((1 - lambda) * similar);
                if (value > bestValue)
                {
                    (best, bestValue) = (i, value);
                }
            }

            chosen.Add(remaining[best]);
            remaining.RemoveAt(best);
        }

        return chosen;
    }
}
