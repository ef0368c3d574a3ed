using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HybridAI.Retrieval.Vectors;

/// <summary>
/// Exact (brute-force) top-k by dot product over the slots of a <see cref="VectorFile"/>. A scan over a slot range
/// reads the file's contiguous block once, four vectors per step sharing each load of the query (so the loop is bound
/// by memory bandwidth, not by per-vector call overhead), and keeps the best in a bounded heap: no allocation per
/// vector, one comparison for the vectors that do not make the cut.
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
        long slot = 0;
        float* at = vectors;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; slot + 4 <= count; slot += 4, at += 4 * dimensions)
            {
                Dot4(query, at, dimensions, out float s0, out float s1, out float s2, out float s3);
                // Most vectors miss the cut: test all four against the threshold before touching the mask or heap.
                if (Math.Max(Math.Max(s0, s1), Math.Max(s2, s3)) > threshold)
                {
                    threshold = Offer(best, live, slot, s0, threshold);
                    threshold = Offer(best, live, slot + 1, s1, threshold);
                    threshold = Offer(best, live, slot + 2, s2, threshold);
                    threshold = Offer(best, live, slot + 3, s3, threshold);
                }
            }
        }

        for (; slot < count; slot++, at += dimensions)
        {
            float score = TensorPrimitives.Dot(new ReadOnlySpan<float>(query, dimensions), new ReadOnlySpan<float>(at, dimensions));
            threshold = Offer(best, live, slot, score, threshold);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Offer(TopScores best, bool[]? live, long slot, float score, float threshold)
    {
        if (score > threshold && (live is null || (slot < live.Length && live[slot])))
        {
            best.Offer(slot, score);
            return best.Threshold;
        }

        return threshold;
    }

    /// <summary>Dot products of the query with four consecutive vectors starting at <paramref name="v"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4(float* query, float* v, int d, out float s0, out float s1, out float s2, out float s3)
    {
        float* v1 = v + d, v2 = v1 + d, v3 = v2 + d;
        Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0;
        int j = 0;
        for (; j <= d - 8; j += 8)
        {
            Vector256<float> q = Vector256.Load(query + j);
            a0 = Vector256.MultiplyAddEstimate(Vector256.Load(v + j), q, a0);
            a1 = Vector256.MultiplyAddEstimate(Vector256.Load(v1 + j), q, a1);
            a2 = Vector256.MultiplyAddEstimate(Vector256.Load(v2 + j), q, a2);
            a3 = Vector256.MultiplyAddEstimate(Vector256.Load(v3 + j), q, a3);
        }

        s0 = Vector256.Sum(a0);
        s1 = Vector256.Sum(a1);
        s2 = Vector256.Sum(a2);
        s3 = Vector256.Sum(a3);
        if (j <= d - 4)
        {
            Vector128<float> q = Vector128.Load(query + j);
            s0 += Vector128.Dot(Vector128.Load(v + j), q);
            s1 += Vector128.Dot(Vector128.Load(v1 + j), q);
            s2 += Vector128.Dot(Vector128.Load(v2 + j), q);
            s3 += Vector128.Dot(Vector128.Load(v3 + j), q);
            j += 4;
        }

        for (; j < d; j++)
        {
            float q = query[j];
            s0 += v[j] * q;
            s1 += v1[j] * q;
            s2 += v2[j] * q;
            s3 += v3[j] * q;
        }
    }
}
