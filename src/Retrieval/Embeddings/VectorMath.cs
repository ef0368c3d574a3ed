using System.Numerics.Tensors;

namespace HybridAI.Retrieval.Embeddings;

internal static class VectorMath
{
    /// <summary>
    /// Scales <paramref name="vector"/> to unit length in place. A vector with nothing in it stays all zeros rather
    /// than becoming NaN: callers document "no known words" as the zero vector, whose cosine with anything is 0.
    /// </summary>
    public static void NormalizeInPlace(Span<float> vector)
    {
        float norm = TensorPrimitives.Norm(vector);
        if (norm > 1e-12f && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
        else
        {
            vector.Clear();
        }
    }
}
