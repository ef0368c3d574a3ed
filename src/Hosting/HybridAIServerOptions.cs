namespace HybridAI.Hosting;

/// <summary>What <see cref="HybridAIServer"/> serves and where: <c>hybridai serve</c>'s flags.</summary>
public sealed record HybridAIServerOptions
{
    /// <summary>The GGUF model served at <c>/v1/chat/completions</c> by llama.cpp; null serves no chat model.</summary>
    public string? ModelPath { get; init; }

    /// <summary>The model id clients send; null uses the model file's name without extension.</summary>
    public string? ModelId { get; init; }

    /// <summary>Addresses to listen on (port 0 picks a free port). Default <c>http://127.0.0.1:8080</c>.</summary>
    public IReadOnlyList<string> Urls { get; init; } = ["http://127.0.0.1:8080"];

    /// <summary>Context size of each pooled llama.cpp context, in tokens. Default 2048.</summary>
    public int ContextSize { get; init; } = 2048;

    /// <summary>CPU threads per request; null lets llama.cpp choose.</summary>
    public int? Threads { get; init; }

    /// <summary>Chat requests decoded at once (one context each); more wait their turn. Default 4.</summary>
    public int MaxConcurrentRequests { get; init; } = 4;

    /// <summary>Dimensions of the hashed n-gram embeddings served at <c>/v1/embeddings</c>. Default 1024.</summary>
    public int EmbeddingDimensions { get; init; } = 1024;
}
