using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>What every in-process embedder shares: the requested-dimensions check, wrapping vectors, and GetService.</summary>
internal static class LocalEmbedding
{
    /// <summary>Refuses a request for a vector length the embedder does not make (it cannot truncate or pad meaningfully).</summary>
    public static void CheckDimensions(EmbeddingGenerationOptions? options, int dimensions)
    {
        if (options?.Dimensions is int requested && requested != dimensions)
        {
            throw new ArgumentException($"This generator makes {dimensions}-dimensional vectors; {requested} were requested.", nameof(options));
        }
    }

    /// <summary>Embeds each text with <paramref name="embed"/>, checking the token between texts.</summary>
    public static GeneratedEmbeddings<Embedding<float>> EachText(IEnumerable<string> values, string modelId, Func<string, float[]> embed, CancellationToken cancellationToken)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (string value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(Wrap(embed(value), modelId));
        }

        return result;
    }

    public static Embedding<float> Wrap(float[] vector, string modelId) => new(vector) { ModelId = modelId, CreatedAt = null };

    /// <summary>The length check of the span overloads.</summary>
    public static void CheckDestination(Span<float> destination, int dimensions)
    {
        if (destination.Length != dimensions)
        {
            throw new ArgumentException($"The destination must hold {dimensions} floats, not {destination.Length}.", nameof(destination));
        }
    }

    /// <summary>M.E.AI's GetService contract: no keyed services; the metadata, an extra service the embedder exposes, or itself.</summary>
    public static object? GetService(object self, EmbeddingGeneratorMetadata metadata, Type serviceType, object? serviceKey, object? extra = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? metadata
            : extra is not null && serviceType.IsInstanceOfType(extra) && !serviceType.IsInstanceOfType(self) ? extra
            : serviceType.IsInstanceOfType(self) ? self
            : null;
    }
}
