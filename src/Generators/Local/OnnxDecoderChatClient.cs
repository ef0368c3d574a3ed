using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Local.OnnxDecoder;
using HybridAI.Generators.Tokenization;
using HybridAI.Native.OnnxRuntime;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Local;

/// <summary>
/// Runs a decoder-only language model exported to ONNX (the Hugging Face Optimum layout: <c>input_ids</c>,
/// <c>attention_mask</c>, <c>position_ids</c>, <c>past_key_values.*</c> in; <c>logits</c>, <c>present.*</c> out) on the
/// user's machine, through ONNX Runtime, as an <see cref="IChatClient"/>. The prompt is rendered in the model's chat
/// format (ChatML, Llama 3 or Phi-3, recognised from tokenizer_config.json's chat_template; ChatML otherwise), encoded with the
/// model's own byte-level BPE tokenizer, prefilled, then decoded token by token with the key/value cache. Sampling
/// (temperature, top-k, top-p, min-p, repetition/frequency/presence penalties, seed) is managed code and repeatable for
/// a seed. Stop sequences are cut even when split across tokens and never emitted; the model's end tokens end the
/// reply; <see cref="ChatOptions.MaxOutputTokens"/> ends it with <see cref="ChatFinishReason.Length"/>. Usage counts are
/// the tokenizer's exact counts. Requests may run concurrently; each has its own cache.
/// </summary>
/// <remarks>
/// <see cref="ChatOptions"/>: Temperature, TopP, TopK, MaxOutputTokens, StopSequences, Seed, FrequencyPenalty,
/// PresencePenalty; <c>min_p</c> and <c>repetition_penalty</c> in AdditionalProperties. Tools and JSON response formats
/// are refused (<see cref="NotSupportedException"/>) rather than silently ignored.
/// <see cref="GetService"/> hands out the tokenizer as <see cref="ITokenCounter"/>.
/// </remarks>
/// <example>
/// <code>
/// using var client = OnnxDecoderChatClient.Open("models/SmolLM2-135M-Instruct-onnx");
/// await foreach (var update in client.GetStreamingResponseAsync("Write a haiku about invoices.", new ChatOptions { Seed = 1, Temperature = 0.7f }))
///     Console.Write(update.Text);
/// </code>
/// </example>
public sealed class OnnxDecoderChatClient : IChatClient
{
    /// <summary>The provider name reported in <see cref="ChatClientMetadata"/>.</summary>
    public const string ProviderName = "hybridai-onnx-decoder";

    private readonly OnnxDecoderOptions _options;
    private readonly DecoderModel _model;
    private readonly ChatPromptFormat _format;
    private readonly HashSet<int> _endTokens;
    private readonly SamplingSettings _defaults;
    private readonly int? _contextLength;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Loads the model folder; <paramref name="options"/> are copied.</summary>
    /// <exception cref="ArgumentException">No <see cref="OnnxDecoderOptions.ModelDirectory"/>, or an option out of range.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The graph or tokenizer.json is missing (the message names where it looked).</exception>
    /// <exception cref="InvalidDataException">The graph's inputs/outputs are not a decoder's (the message lists what it has), or a JSON file is malformed.</exception>
    /// <exception cref="NotSupportedException">The tokenizer is not byte-level BPE.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the graph (corrupt, truncated).</exception>
    /// <exception cref="DllNotFoundException">ONNX Runtime itself is not installed.</exception>
    public OnnxDecoderChatClient(OnnxDecoderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        ModelFolder folder = ModelFolder.Open(_options.ModelDirectory, _options.ModelFileName);
        Tokenizer = ByteLevelBpeTokenizer.FromFile(folder.TokenizerPath);
        OnnxSession session = OnnxSession.FromFile(folder.ModelPath, new OnnxSessionOptions { IntraOpThreads = _options.IntraOpThreads });
        try
        {
            DecoderSignature signature = DecoderSignature.Read(session, folder);
            _model = new DecoderModel(session, signature, signature.Vocabulary ?? Tokenizer.VocabularySize);
        }
        catch
        {
            session.Dispose();
            throw;
        }

        _format = ChatPromptFormat.Detect(folder.ChatTemplate(), Tokenizer);
        _endTokens = [.. ModelFolder.Ids(folder.GenerationConfig, "eos_token_id"), .. ModelFolder.Ids(folder.Config, "eos_token_id")];
        foreach (string? end in (string?[])[folder.TokenText("eos_token"), _format.EndOfTurn])
        {
            if (end is not null && Tokenizer.TokenToId(end) is int id)
            {
                _endTokens.Add(id);
            }
        }

        _defaults = Defaults(folder.GenerationConfig, _options);
        _contextLength = _options.ContextLength ?? folder.ConfigInt("max_position_embeddings");
        ModelId = _options.ModelId ?? Path.GetFileName(folder.Directory);
        _metadata = new ChatClientMetadata(ProviderName, new Uri(folder.Directory), ModelId);
    }

    /// <summary>The model's tokenizer (exact token counts for this model).</summary>
    public ByteLevelBpeTokenizer Tokenizer { get; }

    /// <summary>The model id reported on responses.</summary>
    public string ModelId { get; }

    /// <summary>The chat format the prompt is rendered in: chatml, llama3 or phi3.</summary>
    public string ChatFormat => _format.Name;

    internal DecoderModel Model => _model;

    /// <summary>Opens the model folder with default options; the entry point for <c>hybridai chat --model DIR</c>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FileNotFoundException">The graph or tokenizer.json is missing.</exception>
    /// <exception cref="InvalidDataException">The graph is not a decoder in the Optimum layout.</exception>
    public static OnnxDecoderChatClient Open(string modelDirectory) => new(new OnnxDecoderOptions { ModelDirectory = modelDirectory });

    /// <summary>Whether <paramref name="path"/> is a folder that holds an ONNX decoder graph (what <see cref="Open"/> looks for).</summary>
    public static bool IsModelFolder(string path) =>
        Directory.Exists(path) && ModelFolder.ModelCandidates.Any(c => File.Exists(Path.Combine(path, c)));

    /// <summary>The prompt text the conversation is rendered to (for inspection and token budgets).</summary>
    public string RenderPrompt(IEnumerable<ChatMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return _format.Render(messages);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Request request = Prepare(messages, options);
        var text = new StringBuilder();
        var generation = new DecoderGeneration(_model, _options.UseKeyValueCache);
        await Task.Run(
            () =>
            {
                foreach (string piece in generation.Run(request.Prompt, request.Sampling, _endTokens, request.Stops, request.MaxOutputTokens, Tokenizer.CreateStreamDecoder(), cancellationToken))
                {
                    text.Append(piece);
                }
            },
            cancellationToken).ConfigureAwait(false);

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text.ToString()) { MessageId = request.MessageId })
        {
            ResponseId = request.ResponseId,
            ModelId = ModelId,
            CreatedAt = request.CreatedAt,
            FinishReason = generation.FinishReason,
            Usage = Usage(request, generation),
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Request request = Prepare(messages, options);
        var generation = new DecoderGeneration(_model, _options.UseKeyValueCache);
        using IEnumerator<string> steps = generation.Run(
            request.Prompt, request.Sampling, _endTokens, request.Stops, request.MaxOutputTokens, Tokenizer.CreateStreamDecoder(), cancellationToken).GetEnumerator();

        // Each step is a model run: it goes to the thread pool so the caller's thread is never blocked by inference.
        while (await Task.Run(steps.MoveNext, cancellationToken).ConfigureAwait(false))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, steps.Current)
            {
                ResponseId = request.ResponseId,
                MessageId = request.MessageId,
                ModelId = ModelId,
                CreatedAt = request.CreatedAt,
            };
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(Usage(request, generation))])
        {
            ResponseId = request.ResponseId,
            MessageId = request.MessageId,
            ModelId = ModelId,
            CreatedAt = request.CreatedAt,
            FinishReason = generation.FinishReason,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(ITokenCounter) || serviceType == typeof(ByteLevelBpeTokenizer) ? Tokenizer
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Releases the model (after any generation still running on another thread).</summary>
    public void Dispose() => _model.Dispose();

    private static UsageDetails Usage(Request request, DecoderGeneration generation) => new()
    {
        InputTokenCount = request.Prompt.Length,
        OutputTokenCount = generation.OutputTokens,
        TotalTokenCount = request.Prompt.Length + generation.OutputTokens,
    };

    private Request Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (options?.Tools is { Count: > 0 } && options.ToolMode is not NoneChatToolMode)
        {
            throw new NotSupportedException($"{nameof(OnnxDecoderChatClient)} does not call tools; remove ChatOptions.Tools or set ToolMode to None.");
        }

        if (options?.ResponseFormat is ChatResponseFormatJson)
        {
            throw new NotSupportedException($"{nameof(OnnxDecoderChatClient)} cannot constrain output to JSON; use ChatResponseFormat.Text.");
        }

        List<ChatMessage> list = [.. messages];
        if (list.Count == 0)
        {
            throw new ArgumentException("The conversation has no messages.", nameof(messages));
        }

        int[] prompt = Tokenizer.Encode(_format.Render(list));
        int maxOutput = options?.MaxOutputTokens ?? _options.MaxOutputTokens;
        if (maxOutput < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), maxOutput, "ChatOptions.MaxOutputTokens must be at least 1.");
        }

        if (_contextLength is int context)
        {
            if (prompt.Length >= context)
            {
                throw new ArgumentException($"The conversation is {prompt.Length} tokens; the model's context holds {context}. Shorten it.", nameof(messages));
            }

            maxOutput = Math.Min(maxOutput, context - prompt.Length);
        }

        SamplingSettings sampling = (_defaults with
        {
            Temperature = options?.Temperature ?? _defaults.Temperature,
            TopK = options?.TopK ?? _defaults.TopK,
            TopP = options?.TopP ?? _defaults.TopP,
            MinP = Extra(options, "min_p") ?? _defaults.MinP,
            RepetitionPenalty = Extra(options, "repetition_penalty") ?? _defaults.RepetitionPenalty,
            FrequencyPenalty = options?.FrequencyPenalty ?? 0,
            PresencePenalty = options?.PresencePenalty ?? 0,
            Seed = options?.Seed,
        }).Validated();

        return new Request(prompt, sampling, new StopSequenceFilter(options?.StopSequences), maxOutput,
            "onnx-" + Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
    }

    private static float? Extra(ChatOptions? options, string name) =>
        options?.AdditionalProperties is { } extra && extra.TryGetValue(name, out object? value) && value is not null
            ? value switch
            {
                float f => f,
                double d => (float)d,
                int i => i,
                long l => l,
                decimal m => (float)m,
                JsonElement { ValueKind: JsonValueKind.Number } e => e.GetSingle(),
                string s when float.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out float parsed) => parsed,
                _ => throw new ArgumentException($"ChatOptions.AdditionalProperties['{name}'] must be a number.", nameof(options)),
            }
            : null;

    private static SamplingSettings Defaults(JsonElement? generation, OnnxDecoderOptions options)
    {
        bool sample = generation is { } g && g.TryGetProperty("do_sample", out JsonElement doSample) && doSample.ValueKind == JsonValueKind.True;
        float? Number(string name) => sample && generation!.Value.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetSingle() : null;
        return new SamplingSettings(
            Temperature: options.Temperature ?? Number("temperature") ?? (sample ? 1f : 0f),
            TopK: options.TopK ?? (int?)Number("top_k") ?? 0,
            TopP: options.TopP ?? Number("top_p") ?? 1f,
            MinP: options.MinP,
            RepetitionPenalty: options.RepetitionPenalty ?? (generation is { } r && r.TryGetProperty("repetition_penalty", out JsonElement p) && p.ValueKind == JsonValueKind.Number ? p.GetSingle() : 1f));
    }

    private sealed record Request(int[] Prompt, SamplingSettings Sampling, StopSequenceFilter Stops, int MaxOutputTokens, string ResponseId, string MessageId, DateTimeOffset CreatedAt);
}
