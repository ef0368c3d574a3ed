using Microsoft.Extensions.AI;
using OpenAI.Embeddings;
using SdkEmbeddingOptions = OpenAI.Embeddings.EmbeddingGenerationOptions;

namespace HybridAI.Generators.Endpoints;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over the official OpenAI SDK's <see cref="EmbeddingClient"/>
/// (<c>/v1/embeddings</c> on OpenAI, Ollama, vLLM, llama-server, LM Studio). Failures surface as <see cref="OpenAIEndpointException"/>.
/// </summary>
/// <example>
/// <code>
/// using var embedder = new OpenAIEndpoint { BaseUrl = new Uri("http://localhost:11434/v1"), Model = "nomic-embed-text" }.CreateEmbeddingGenerator();
/// var vectors = await embedder.GenerateAsync(["refund request", "parcel lost"]);
/// </code>
/// </example>
public sealed class OpenAIEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly EmbeddingClient _client;
    private readonly EndpointErrors _errors;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Wraps an SDK client you built yourself; <paramref name="endpoint"/> and <paramref name="apiKeyVariable"/> only feed error messages.</summary>
    public OpenAIEmbeddingGenerator(EmbeddingClient client, Uri endpoint, string? apiKeyVariable = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(endpoint);
        _client = client;
        _errors = new EndpointErrors(endpoint, apiKeyVariable);
#pragma warning disable OPENAI001 // Model is marked experimental; it only names the model in the metadata.
        _metadata = new EmbeddingGeneratorMetadata("openai", endpoint, client.Model);
#pragma warning restore OPENAI001
    }

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inputs = values.ToList();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (string.IsNullOrEmpty(inputs[i]))
            {
                throw new ArgumentException($"Input {i} is null or empty; OpenAI-compatible endpoints reject empty inputs.", nameof(values));
            }
        }

        if (inputs.Count == 0)
        {
            return [];
        }

        var settings = new SdkEmbeddingOptions { Dimensions = options?.Dimensions };
        var collection = await _errors.RunAsync(
            async () => (await _client.GenerateEmbeddingsAsync(inputs, settings, cancellationToken).ConfigureAwait(false)).Value,
            cancellationToken).ConfigureAwait(false);
        if (collection is null || collection.Count != inputs.Count)
        {
            throw _errors.Malformed($"{inputs.Count} inputs were sent but {collection?.Count ?? 0} embeddings came back");
        }

        var now = DateTimeOffset.UtcNow;
        var embeddings = new Embedding<float>[inputs.Count];
        foreach (var item in collection)
        {
            if (item.Index < 0 || item.Index >= inputs.Count || embeddings[item.Index] is not null)
            {
                throw _errors.Malformed($"embedding index {item.Index} is out of range or repeated");
            }

            embeddings[item.Index] = new Embedding<float>(item.ToFloats()) { ModelId = collection.Model, CreatedAt = now };
        }

        return new GeneratedEmbeddings<Embedding<float>>(embeddings)
        {
            Usage = collection.Usage is { } u ? new UsageDetails { InputTokenCount = u.InputTokenCount, TotalTokenCount = u.TotalTokenCount } : null,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType == typeof(EmbeddingClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The SDK client holds no unmanaged state; its transport belongs to whoever created it.
    }
}
