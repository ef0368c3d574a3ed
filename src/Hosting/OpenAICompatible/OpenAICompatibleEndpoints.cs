using HybridAI.Hosting.OpenAICompatible;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HybridAI.Hosting;

/// <summary>Maps an OpenAI-compatible HTTP API over the <c>IChatClient</c> and <c>IEmbeddingGenerator</c> registered in DI.</summary>
public static class OpenAICompatibleEndpoints
{
    /// <summary>
    /// Maps <c>POST {prefix}/chat/completions</c> (JSON, or SSE with <c>stream: true</c>; tools and tool calls, JSON
    /// output, usage), <c>POST {prefix}/embeddings</c> and <c>GET {prefix}/models</c>. A request's <c>model</c> must be
    /// the served client's model id (its <c>ChatClientMetadata.DefaultModelId</c>), or the answer is 404. Errors use
    /// OpenAI's <c>{"error":{...}}</c> shape.
    /// </summary>
    /// <example>
    /// <code>
    /// var builder = WebApplication.CreateBuilder(args);
    /// builder.Services.AddSingleton&lt;IChatClient&gt;(new LlamaCppChatClient("models/qwen2.5-1.5b-instruct-q4_k_m.gguf"));
    /// var app = builder.Build();
    /// app.MapOpenAICompatible();
    /// app.Run("http://127.0.0.1:8080"); // any OpenAI client: endpoint http://127.0.0.1:8080/v1
    /// </code>
    /// </example>
    public static RouteGroupBuilder MapOpenAICompatible(this IEndpointRouteBuilder endpoints, string prefix = "/v1")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/chat/completions", context => OpenAIErrorHandling.RunAsync(context, ChatCompletionsEndpoint.HandleAsync));
        group.MapPost("/embeddings", context => OpenAIErrorHandling.RunAsync(context, EmbeddingsEndpoint.HandleAsync));
        group.MapGet("/models", context => OpenAIErrorHandling.RunAsync(context, ModelsEndpoint.ListAsync));
        group.MapGet("/models/{id}", context => OpenAIErrorHandling.RunAsync(context, c => ModelsEndpoint.GetAsync(c, (string)c.Request.RouteValues["id"]!)));
        group.MapFallback(context => OpenAIError.WriteAsync(context, StatusCodes.Status404NotFound,
            "Unknown endpoint; served: POST chat/completions, POST embeddings, GET models.", "invalid_request_error", null, "unknown_url"));
        return group;
    }
}
