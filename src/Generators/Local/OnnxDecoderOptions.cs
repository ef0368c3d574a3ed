namespace HybridAI.Generators.Local;

/// <summary>
/// Which ONNX decoder model <see cref="OnnxDecoderChatClient"/> runs and how it generates when a request's
/// <see cref="Microsoft.Extensions.AI.ChatOptions"/> does not say. Sampling defaults not set here come from the model's
/// generation_config.json (temperature, top_k, top_p, repetition_penalty when do_sample is true), else greedy.
/// </summary>
public sealed class OnnxDecoderOptions
{
    /// <summary>The model folder (required): the ONNX graph, tokenizer.json and optionally tokenizer_config.json, generation_config.json, config.json.</summary>
    public string ModelDirectory { get; set; } = string.Empty;

    /// <summary>The graph's file name inside the folder; null looks for model.onnx, decoder_model_merged.onnx, onnx/model.onnx, onnx/decoder_model_merged.onnx.</summary>
    public string? ModelFileName { get; set; }

    /// <summary>The model id reported on responses; null uses the folder's name.</summary>
    public string? ModelId { get; set; }

    /// <summary>Output tokens when a request sets no <see cref="Microsoft.Extensions.AI.ChatOptions.MaxOutputTokens"/>. Default 512.</summary>
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>The most tokens (prompt and output) a sequence may reach; null uses config.json's max_position_embeddings, else no limit. A longer prompt is refused.</summary>
    public int? ContextLength { get; set; }

    /// <summary>Feed the key/value cache back between steps (the fast path). Default true; false re-runs the whole sequence every step.</summary>
    public bool UseKeyValueCache { get; set; } = true;

    /// <summary>Default temperature (0 is greedy); null takes the model's generation_config.json.</summary>
    public float? Temperature { get; set; }

    /// <summary>Default top-k (0: off); null takes the model's generation_config.json.</summary>
    public int? TopK { get; set; }

    /// <summary>Default top-p (1: off); null takes the model's generation_config.json.</summary>
    public float? TopP { get; set; }

    /// <summary>Default min-p (0: off). A request may set <c>min_p</c> in <see cref="Microsoft.Extensions.AI.ChatOptions.AdditionalProperties"/>.</summary>
    public float MinP { get; set; }

    /// <summary>Default repetition penalty (1: off); null takes the model's generation_config.json. A request may set <c>repetition_penalty</c> in AdditionalProperties.</summary>
    public float? RepetitionPenalty { get; set; }

    /// <summary>ONNX Runtime threads inside one operator; 0 lets ONNX Runtime choose. Default 0.</summary>
    public int IntraOpThreads { get; set; }

    internal OnnxDecoderOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(ModelDirectory))
        {
            throw new ArgumentException("OnnxDecoderOptions.ModelDirectory is required.", nameof(ModelDirectory));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxOutputTokens, 1, nameof(MaxOutputTokens));
        if (ContextLength is int context)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(context, 2, nameof(ContextLength));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads, nameof(IntraOpThreads));
        return (OnnxDecoderOptions)MemberwiseClone();
    }
}
