using HybridAI.Generators.Local;
using HybridAI.Native.LlamaCpp;
using HybridAI.Retrieval.Embeddings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HybridAI.Hosting;

/// <summary>
/// The server behind <c>hybridai serve</c>: a local GGUF model (llama.cpp) and the hashed n-gram embedder behind an
/// OpenAI-compatible API (<see cref="OpenAICompatibleEndpoints.MapOpenAICompatible"/>), plus <c>GET /healthz</c>.
/// </summary>
/// <example>
/// <code>
/// await using var app = HybridAIServer.Build(new HybridAIServerOptions { ModelPath = "models/qwen2.5-1.5b-instruct-q4_k_m.gguf", Urls = ["http://127.0.0.1:8080"] });
/// await app.RunAsync(); // OpenAI clients: endpoint http://127.0.0.1:8080/v1, model "qwen2.5-1.5b-instruct-q4_k_m"
/// </code>
/// </example>
public static class HybridAIServer
{
    /// <summary>Builds the server (loading the model now, so a bad file fails here, not at the first request).</summary>
    /// <exception cref="LlamaModelLoadException">The model file is missing, not GGUF, truncated or corrupt.</exception>
    public static WebApplication Build(HybridAIServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(options.Urls.Count, nameof(options));
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(HybridAIServer).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. options.Urls]);
        if (options.ModelPath is { } path)
        {
            var chat = new LlamaCppChatClient(path, new LlamaCppChatClientOptions
            {
                ModelId = options.ModelId,
                Context = new LlamaContextOptions { ContextSize = options.ContextSize, Threads = options.Threads },
                MaxConcurrentRequests = options.MaxConcurrentRequests,
            });
            builder.Services.AddSingleton<IChatClient>(_ => chat); // made by a factory, so the container disposes it
        }

        var embedder = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = options.EmbeddingDimensions });
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => embedder);
        var app = builder.Build();
        app.MapGet("/healthz", () => "ok");
        app.MapOpenAICompatible();
        return app;
    }
}
