using System.Numerics.Tensors;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>One vector per text from a model's per-token vectors.</summary>
internal static class SentencePoolers
{
    /// <summary>
    /// Pools one text's rows of <paramref name="hidden"/> ([tokens, hidden], row-major) into <paramref name="destination"/>.
    /// Mean pooling averages the rows whose <paramref name="mask"/> is 1, so padding never counts.
    /// </summary>
    public static void Pool(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, SentencePooling pooling, Span<float> destination)
    {
        int width = destination.Length;
        if (pooling == SentencePooling.Cls)
        {
            hidden[..width].CopyTo(destination);
            return;
        }

        destination.Clear();
        int counted = 0;
        for (int t = 0; t < mask.Length; t++)
        {
            if (mask[t] != 0)
            {
                TensorPrimitives.Add(destination, hidden.Slice(t * width, width), destination);
                counted++;
            }
        }

        if (counted > 0)
        {
            TensorPrimitives.Divide(destination, counted, destination);
        }
    }
}
