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
    public static List<SlottedHit> Select(IReadOnlyList<SlottedHit> candidates, double lambda, int top, VectorFile vectors)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        double max = candidates.Max(static c => c.Hit.Score);
        double min = candidates.Min(static c => c.Hit.Score);
        double range = max - min > 0 ? max - min : 1;
        var remaining = new List<SlottedHit>(candidates);
        var chosen = new List<SlottedHit>(top);
        while (chosen.Count < top && remaining.Count > 0)
        {
            int best = 0;
            double bestValue = double.NegativeInfinity;
            for (int i = 0; i < remaining.Count; i++)
            {
                double relevance = (remaining[i].Hit.Score - min) / range;
                double similarity = 0;
                foreach (SlottedHit picked in chosen)
                {
                    if (remaining[i].Slot >= 0 && picked.Slot >= 0)
                    {
                        similarity = Math.Max(similarity, TensorPrimitives.Dot(vectors[remaining[i].Slot], vectors[picked.Slot]));
                    }
                }

                double value = (lambda * relevance) - ((1 - lambda) * similarity);
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
