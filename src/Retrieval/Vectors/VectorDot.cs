using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HybridAI.Retrieval.Vectors;

/// <summary>
/// The dot product of the exact scan and the HNSW graph, inlined. Measured on AVX-512 hardware over a 400 MB block of
/// 100-d vectors: the 512-bit kernel reads at the speed of TensorPrimitives.Sum over the same block, a call to
/// TensorPrimitives.Dot per vector at about 90 % of it, and a four-vectors-per-step 256-bit kernel sharing the query
/// loads at only about 60 % (its four horizontal sums dominate at 100 dims). Without 512-bit hardware it is
/// TensorPrimitives.Dot.
/// </summary>
internal static unsafe class VectorDot
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(float* a, float* b, int dimensions) => Vector512.IsHardwareAccelerated && dimensions >= 16
        ? Dot512(a, b, dimensions)
        : TensorPrimitives.Dot(new ReadOnlySpan<float>(a, dimensions), new ReadOnlySpan<float>(b, dimensions));

    /// <summary>One dot product with 512-bit lanes: two accumulators over 32-float steps, then 16-, 8-, 4-float and scalar tails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Dot512(float* query, float* v, int d)
    {
        Vector512<float> a = Vector512<float>.Zero, b = a;
        int j = 0;
        for (; j <= d - 32; j += 32)
        {
            a = Vector512.MultiplyAddEstimate(Vector512.Load(v + j), Vector512.Load(query + j), a);
            b = Vector512.MultiplyAddEstimate(Vector512.Load(v + j + 16), Vector512.Load(query + j + 16), b);
        }

        for (; j <= d - 16; j += 16)
        {
            a = Vector512.MultiplyAddEstimate(Vector512.Load(v + j), Vector512.Load(query + j), a);
        }

        a += b;
        Vector256<float> half = a.GetLower() + a.GetUpper();
        if (j <= d - 8)
        {
            half = Vector256.MultiplyAddEstimate(Vector256.Load(v + j), Vector256.Load(query + j), half);
            j += 8;
        }

        Vector128<float> quarter = half.GetLower() + half.GetUpper();
        if (j <= d - 4)
        {
            quarter = Vector128.MultiplyAddEstimate(Vector128.Load(v + j), Vector128.Load(query + j), quarter);
            j += 4;
        }

        float sum = Vector128.Sum(quarter);
        for (; j < d; j++)
        {
            sum += v[j] * query[j];
        }

        return sum;
    }
}
