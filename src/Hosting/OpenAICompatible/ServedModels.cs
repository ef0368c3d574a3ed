using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HybridAI.Hosting.OpenAICompatible;

/// <summary>The models the endpoint serves: the <see cref="IChatClient"/> and the embedding generator registered in DI, by model id.</summary>
internal static class ServedModels
{
    public static IChatClient Chat(IServiceProvider services, string model) =>
        services.GetService<IChatClient>() is { } chat && ChatModelId(chat) == model ? chat : throw OpenAIRequestException.UnknownModel(model);

    public static IEmbeddingGenerator<string, Embedding<float>> Embeddings(IServiceProvider services, string model) =>
        services.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } embedder && EmbeddingModelId(embedder) == model
            ? embedder
            : throw OpenAIRequestException.UnknownModel(model);

    public static IEnumerable<string> Ids(IServiceProvider services)
    {
        if (services.GetService<IChatClient>() is { } chat)
        {
            yield return ChatModelId(chat);
        }

        if (services.GetService<IEmbeddingGenerator<string, Embedding<float>>>() is { } embedder)
        {
            yield return EmbeddingModelId(embedder);
        }
    }

    public static string ChatModelId(IChatClient chat) => chat.GetService<ChatClientMetadata>()?.DefaultModelId ?? "chat";

    public static string EmbeddingModelId(IEmbeddingGenerator<string, Embedding<float>> embedder) =>
        embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "embeddings";
}
