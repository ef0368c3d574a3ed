using HybridAI.Native.LlamaCpp;

namespace HybridAI.Generators.Local;

/// <summary>Settings of a <see cref="LlamaCppChatClient"/>; per-request <c>ChatOptions</c> override the sampling defaults.</summary>
public sealed record LlamaCppChatClientOptions
{
    /// <summary>The model id reported in responses; null uses the model file's name without extension.</summary>
    public string? ModelId { get; init; }

    /// <summary>Size of each pooled context. Default 2048 tokens.</summary>
    public LlamaContextOptions Context { get; init; } = new();

    /// <summary>Requests served at once (one context each); more wait their turn. Default 2.</summary>
    public int MaxConcurrentRequests { get; init; } = 2;

    /// <summary>Sampling used where a request does not say (temperature, top-k/p, min-p, penalties, seed).</summary>
    public LlamaSamplingOptions Sampling { get; init; } = new();

    /// <summary>Output budget when a request sets no <c>MaxOutputTokens</c>. Default 512.</summary>
    public int MaxOutputTokens { get; init; } = 512;

    /// <summary>What to do when a conversation no longer fits the context. Default: drop its oldest tokens.</summary>
    public LlamaContextOverflow Overflow { get; init; } = LlamaContextOverflow.TruncateOldest;

    /// <summary>Chat template for models without a usable one (Jinja text or a llama.cpp built-in name). Default <c>chatml</c>.</summary>
    public string FallbackChatTemplate { get; init; } = LlamaModel.FallbackChatTemplate;
}
