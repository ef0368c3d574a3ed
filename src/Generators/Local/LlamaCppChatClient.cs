using System.Runtime.CompilerServices;
using System.Threading.Channels;
using HybridAI.Native.LlamaCpp;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Local;

/// <summary>
/// An <see cref="IChatClient"/> over a local GGUF model run by llama.cpp: the model's own chat template,
/// sampling from <see cref="ChatOptions"/> (temperature, top-p, top-k, penalties, seed, stop sequences, max output
/// tokens), JSON and JSON-schema output and tool calls forced by grammar, usage in tokens. One model is shared;
/// requests run concurrently on pooled contexts, and a conversation's next turn reuses its cached prefix.
/// </summary>
/// <example>
/// <code>
/// using IChatClient chat = new LlamaCppChatClient("models/qwen2.5-1.5b-instruct-q4_k_m.gguf");
/// var reply = await chat.GetResponseAsync("Summarise: the invoice was charged twice.", new ChatOptions { MaxOutputTokens = 80, Temperature = 0 });
/// Console.WriteLine(reply.Text);
/// </code>
/// </example>
public sealed class LlamaCppChatClient : IChatClient
{
    private readonly LlamaModel _model;
    private readonly bool _ownsModel;
    private readonly LlamaContextPool _pool;
    private readonly LlamaCppChatClientOptions _options;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Loads the model at <paramref name="modelPath"/>; the client owns and disposes it.</summary>
    /// <exception cref="LlamaModelLoadException">The file is missing, not GGUF, truncated or corrupt.</exception>
    public LlamaCppChatClient(string modelPath, LlamaCppChatClientOptions? options = null)
        : this(LlamaModel.Load(modelPath), options, ownsModel: true)
    {
    }

    /// <summary>Shares an already loaded model (not disposed with the client).</summary>
    public LlamaCppChatClient(LlamaModel model, LlamaCppChatClientOptions? options = null)
        : this(model ?? throw new ArgumentNullException(nameof(model)), options, ownsModel: false)
    {
    }

    private LlamaCppChatClient(LlamaModel model, LlamaCppChatClientOptions? options, bool ownsModel)
    {
        _options = options ?? new LlamaCppChatClientOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxConcurrentRequests, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxOutputTokens, 1, nameof(options));
        _model = model;
        _ownsModel = ownsModel;
        _pool = new LlamaContextPool(model, _options.Context, _options.MaxConcurrentRequests);
        ModelId = _options.ModelId ?? Path.GetFileNameWithoutExtension(model.FilePath);
        _metadata = new ChatClientMetadata("llama.cpp", new Uri(model.FilePath), ModelId);
    }

    /// <summary>The model id reported in every response.</summary>
    public string ModelId { get; }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var request = LlamaChatRequest.Create(_model, messages, options, _options);
        var prompt = _model.Tokenize(request.Prompt, addSpecial: true, parseSpecial: true);
        var responseId = Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow;
        ChatResponseUpdate Update(IList<AIContent> contents) => new(ChatRole.Assistant, contents)
        {
            ResponseId = responseId,
            MessageId = responseId,
            ModelId = ModelId,
            CreatedAt = created,
        };

        using var lease = await _pool.RentAsync(prompt, cancellationToken).ConfigureAwait(false);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var steps = Channel.CreateUnbounded<LlamaGenerationStep>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        // Decoding is synchronous CPU work: it runs on a pool thread and hands each token over.
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var step in lease.Context.Generate(prompt, request.Generation, stop.Token))
                {
                    steps.Writer.TryWrite(step);
                }

                steps.Writer.TryComplete();
            }
            catch (Exception e)
            {
                steps.Writer.TryComplete(e);
            }
        }, CancellationToken.None);

        try
        {
            var toolMode = request.Tools.Count > 0;
            var held = new System.Text.StringBuilder();
            await foreach (var step in steps.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                // Steps decoded ahead of the reader are not handed out once the caller has cancelled.
                cancellationToken.ThrowIfCancellationRequested();
                if (toolMode)
                {
                    held.Append(step.Text); // a call is only known to be one when complete
                }
                else if (step.Text.Length > 0)
                {
                    yield return Update([new TextContent(step.Text)]);
                }

                if (step.FinishReason is { } finish)
                {
                    var contents = new List<AIContent>();
                    var reason = finish == LlamaFinishReason.Length ? ChatFinishReason.Length : ChatFinishReason.Stop;
                    if (toolMode)
                    {
                        if (finish == LlamaFinishReason.Stop && LlamaToolCalls.Parse(held.ToString(), request.Tools) is { } call)
                        {
                            contents.Add(call);
                            reason = ChatFinishReason.ToolCalls;
                        }
                        else if (held.Length > 0)
                        {
                            contents.Add(new TextContent(held.ToString()));
                        }
                    }

                    contents.Add(new UsageContent(new UsageDetails
                    {
                        InputTokenCount = step.PromptTokens,
                        OutputTokenCount = step.GeneratedTokens,
                        TotalTokenCount = step.PromptTokens + step.GeneratedTokens,
                    }));
                    var last = Update(contents);
                    last.FinishReason = reason;
                    yield return last;
                }
            }
        }
        finally
        {
            // The caller may stop early: stop decoding before the context goes back to the pool.
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType == typeof(LlamaModel) ? _model
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _pool.Dispose();
        if (_ownsModel)
        {
            _model.Dispose();
        }
    }
}
