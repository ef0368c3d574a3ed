namespace HybridAI.Generators.Text;

/// <summary>
/// A sparse TF-IDF vector: term ids in ascending order with their weights and the vector's length,
/// so cosine similarity is one merge pass over two sorted arrays.
/// </summary>
internal sealed class TermVector
{
    public static readonly TermVector Empty = new([], [], 0);

    private TermVector(int[] ids, double[] weights, double norm)
    {
        Ids = ids;
        Weights = weights;
        Norm = norm;
    }

    public int[] Ids { get; }

    public double[] Weights { get; }

    public double Norm { get; }

    /// <summary>Counts per distinct term of a bag of term ids (the ids get sorted in place).</summary>
    public static (int[] Ids, int[] Counts) Count(List<int> termIds)
    {
        termIds.Sort();
        int distinct = 0;
        for (int i = 0; i < termIds.Count; i++)
        {
            if (i == 0 || termIds[i] != termIds[i - 1])
            {
                distinct++;
            }
        }

        var ids = new int[distinct];
        var counts = new int[distinct];
        int at = -1;
        for (int i = 0; i < termIds.Count; i++)
        {
            if (i == 0 || termIds[i] != termIds[i - 1])
            {
                ids[++at] = termIds[i];
            }

            counts[at]++;
        }

        return (ids, counts);
    }

    /// <summary>Weights term counts by sublinear tf times idf.</summary>
    public static TermVector Weigh(int[] ids, int[] counts, double[] idf)
    {
        if (ids.Length == 0)
        {
            return Empty;
        }

        var weights = new double[ids.Length];
        double sumOfSquares = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            double weight = (1 + Math.Log(counts[i])) * idf[ids[i]];
            weights[i] = weight;
            sumOfSquares += weight * weight;
        }

        return new TermVector(ids, weights, Math.Sqrt(sumOfSquares));
    }

    /// <summary>Builds a vector from explicit weights (ids ascending).</summary>
    public static TermVector FromWeights(int[] ids, double[] weights)
    {
        double sumOfSquares = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            sumOfSquares += weights[i] * weights[i];
        }

        return ids.Length == 0 ? Empty : new TermVector(ids, weights, Math.Sqrt(sumOfSquares));
    }

    /// <summary>Cosine similarity in [0, 1]; 0 when either vector is empty.</summary>
    public double Cosine(TermVector other)
    {
        if (Norm == 0 || other.Norm == 0)
        {
            return 0;
        }

        int[] a = Ids, b = other.Ids;
        double[] wa = Weights, wb = other.Weights;
        double dot = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                dot += wa[i++] * wb[j++];
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot / (Norm * other.Norm);
    }
}
