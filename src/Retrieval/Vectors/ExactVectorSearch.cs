using System.Numerics.Tensors;

namespace HybridAI.Retrieval.Vectors;

/// <summary>
/// Exact (brute-force) top-k by dot product over the slots of a <see cref="VectorFile"/>. A scan over a slot range
/// reads the file's contiguous block once, in order, with an inlined 512-bit dot product where the hardware has one (so
/// the loop runs at memory bandwidth, not at per-call overhead), and keeps the best in a bounded heap: no allocation
/// per vector, one comparison for the vectors that do not make the cut.
/// </summary>
internal static unsafe class ExactVectorSearch
{
    /// <summary>The best <paramref name="top"/> of the slots in [0, <paramref name="count"/>) that <paramref name="live"/> marks (null: all), best first.</summary>
    public static List<(long Slot, float Score)> TopOfRange(VectorFile vectors, ReadOnlySpan<float> query, int top, long count, bool[]? live)
    {
        CheckQuery(vectors, query);
        var best = new TopScores(top);
        count = Math.Min(count, vectors.Count);
        if (count > 0)
        {
            fixed (float* q = query)
            {
                ScanRange(vectors.Base, vectors.Dimensions, q, count, live, best);
            }
        }

        return best.ToList();
    }

    /// <summary>The best <paramref name="top"/> of <paramref name="seed"/> (already scored) and <paramref name="slots"/>, best first.</summary>
    public static List<(long Slot, float Score)> TopOfSlots(VectorFile vectors, ReadOnlySpan<float> query, int top, IEnumerable<long> slots, IEnumerable<(long Slot, float Score)> seed)
    {
        CheckQuery(vectors, query);
        var best = new TopScores(top);
        foreach ((long slot, float score) in seed)
        {
            best.Offer(slot, score);
        }

        float threshold = best.Threshold;
        foreach (long slot in slots)
        {
            float score = TensorPrimitives.Dot(query, vectors[slot]);
            if (score > threshold)
            {
                best.Offer(slot, score);
                threshold = best.Threshold;
            }
        }

        return best.ToList();
    }

    private static void CheckQuery(VectorFile vectors, ReadOnlySpan<float> query)
    {
        if (query.Length != vectors.Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; the vectors have {vectors.Dimensions}.", nameof(query));
        }
    }

    private static void ScanRange(float* vectors, int dimensions, float* query, long count, bool[]? live, TopScores best)
    {
        float threshold = best.Threshold;
        float* at = vectors;
        for (long slot = 0; slot < count; slot++, at += dimensions)
        {
            float score = VectorDot.Dot(query, at, dimensions);
            if (score > threshold && (live is null || (slot < live.Length && live[slot])))
            {
                best.Offer(slot, score);
                threshold = best.Threshold;
            }
        }
    }
}
