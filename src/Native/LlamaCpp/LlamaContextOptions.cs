namespace HybridAI.Native.LlamaCpp;

/// <summary>How a <see cref="LlamaContext"/> is sized.</summary>
public sealed record LlamaContextOptions
{
    /// <summary>Tokens the context holds (prompt plus output); 0 means the model's trained length. Default 2048.</summary>
    public int ContextSize { get; init; } = 2048;

    /// <summary>Most prompt tokens decoded in one call. Default 512.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Flash attention on or off; null lets llama.cpp decide (its default).</summary>
    public bool? FlashAttention { get; init; }

    /// <summary>CPU threads for decoding; null uses one per processor core, at most 8.</summary>
    public int? Threads { get; init; }
}
