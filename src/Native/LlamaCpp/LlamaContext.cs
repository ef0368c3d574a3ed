using System.Runtime.InteropServices;
using HybridAI.Native.LlamaCpp.Interop;

namespace HybridAI.Native.LlamaCpp;

/// <summary>
/// One llama.cpp context over a shared <see cref="LlamaModel"/>: a KV cache and the decode loop. Not thread-safe;
/// use one per concurrent generation (see <see cref="LlamaContextPool"/>). The cache remembers the tokens it holds,
/// so a later prompt that starts with them (the next turn of a conversation) only decodes what is new.
/// </summary>
public sealed class LlamaContext : IDisposable
{
    private readonly ContextHandle _handle;
    private readonly IntPtr _memory;
    private readonly List<int> _cached = [];
    private readonly int _batch;
    private readonly AbortState _abort = new();
    private GCHandle _abortHandle;

    internal unsafe LlamaContext(LlamaModel model, LlamaContextOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.ContextSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        var api = LlamaCppLibrary.Api;
        Model = model;
        var p = api.ContextDefaultParams();
        p.NCtx = (uint)options.ContextSize;
        p.NBatch = (uint)options.BatchSize;
        p.NUbatch = (uint)options.BatchSize;
        p.NSeqMax = 1;
        if (options.FlashAttention is { } flash)
        {
            p.FlashAttnType = flash ? 1 : 0; // LLAMA_FLASH_ATTN_TYPE_ENABLED / _DISABLED
        }
        // llama.cpp's default (4) oversubscribes small machines, and its worker threads spin: one per core at most.
        var threads = options.Threads ?? Math.Clamp(Environment.ProcessorCount, 1, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(options.Threads));
        p.NThreads = threads;
        p.NThreadsBatch = threads;

        IntPtr context;
        string log;
        using (var capture = LlamaLog.Begin())
        {
            context = api.InitFromModel(model.Handle, p);
            log = capture.Text;
        }

        if (context == IntPtr.Zero)
        {
            throw new LlamaCppException($"llama.cpp could not create a context of {options.ContextSize} tokens for '{model.FilePath}': {(log.Length > 0 ? log : "no reason given")}");
        }

        _handle = new ContextHandle(context);
        _memory = api.GetMemory(context);
        Size = (int)api.NCtx(context);
        _batch = options.BatchSize;
        _abortHandle = GCHandle.Alloc(_abort);
        api.SetAbortCallback(context, &ShouldAbort, GCHandle.ToIntPtr(_abortHandle));
    }

    /// <summary>The model this context runs.</summary>
    public LlamaModel Model { get; }

    /// <summary>How many tokens (prompt plus output) the context holds.</summary>
    public int Size { get; }

    /// <summary>The tokens whose keys and values are in the cache, in order.</summary>
    public IReadOnlyList<int> CachedTokens => _cached;

    /// <summary>How many leading tokens of <paramref name="tokens"/> are already in the cache.</summary>
    public int CommonPrefixLength(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var n = Math.Min(tokens.Count, _cached.Count);
        var i = 0;
        while (i < n && tokens[i] == _cached[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>Empties the cache.</summary>
    public unsafe void Reset()
    {
        LlamaCppLibrary.Api.MemoryClear(_memory, 1);
        _cached.Clear();
    }

    /// <summary>
    /// Decodes <paramref name="tokens"/> (keeping the cached common prefix) and returns the logits of the last one
    /// (a copy, one per vocabulary entry).
    /// </summary>
    /// <returns>The logits and how many tokens were reused from the cache.</returns>
    public (float[] Logits, int ReusedTokens) Evaluate(IReadOnlyList<int> tokens, CancellationToken cancellationToken = default)
    {
        var reused = Prepare(tokens, cancellationToken);
        return (LastLogits(), reused);
    }

    /// <summary>Generates a continuation of <paramref name="prompt"/>, one step per token, until a stop condition.</summary>
    /// <exception cref="LlamaContextOverflowException">The prompt does not fit and <see cref="LlamaContextOverflow.Throw"/> was asked for.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (checked between tokens and inside decoding).</exception>
    public IEnumerable<LlamaGenerationStep> Generate(IReadOnlyList<int> prompt, LlamaGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        options ??= new LlamaGenerationOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokens, 1, nameof(options.MaxTokens));
        var tokens = Fit(prompt, options);
        var sampler = SamplerChain.Create(Model, options.Sampling, options.Grammar, options.GrammarRoot);
        return Run(tokens, options, sampler, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _handle.Dispose();
        if (_abortHandle.IsAllocated)
        {
            _abortHandle.Free();
        }
    }

    private IEnumerable<LlamaGenerationStep> Run(List<int> tokens, LlamaGenerationOptions options, SamplerHandle sampler, CancellationToken cancellationToken)
    {
        using (sampler)
        {
            var reused = Prepare(tokens, cancellationToken);
            var decoder = new Utf8TokenDecoder(Model);
            var stops = new StopStringFilter(options.StopStrings);
            for (var generated = 1; ; generated++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var token = Sample(sampler);
                if (Model.IsEndOfGeneration(token))
                {
                    yield return new(Finish(decoder, stops), token, LlamaFinishReason.Stop, tokens.Count, generated, reused);
                    yield break;
                }

                var text = stops.Push(decoder.Append(token));
                if (stops.Stopped)
                {
                    yield return new(text, token, LlamaFinishReason.Stop, tokens.Count, generated, reused);
                    yield break;
                }

                if (generated >= options.MaxTokens || _cached.Count >= Size)
                {
                    text += Finish(decoder, stops);
                    yield return new(text, token, stops.Stopped ? LlamaFinishReason.Stop : LlamaFinishReason.Length, tokens.Count, generated, reused);
                    yield break;
                }

                yield return new(text, token, null, tokens.Count, generated, reused);
                Decode([token], cancellationToken);
            }
        }
    }

    private static string Finish(Utf8TokenDecoder decoder, StopStringFilter stops) => stops.Push(decoder.Flush()) + stops.Flush();

    private List<int> Fit(IReadOnlyList<int> prompt, LlamaGenerationOptions options)
    {
        if (prompt.Count == 0)
        {
            throw new ArgumentException("The prompt has no tokens.", nameof(prompt));
        }

        // Leave room for at least part of the output: all of it when it fits in half the context.
        var room = Math.Max(1, Math.Min(options.MaxTokens, Size / 2));
        var keep = Size - room;
        if (prompt.Count <= keep)
        {
            return [.. prompt];
        }

        if (options.Overflow == LlamaContextOverflow.Throw)
        {
            throw new LlamaContextOverflowException(
                $"The prompt has {prompt.Count} tokens; a context of {Size} holds at most {keep} with room for {room} output tokens. " +
                "Shorten the conversation, use a larger ContextSize, or choose LlamaContextOverflow.TruncateOldest.");
        }

        var first = prompt[0] == Model.BeginningOfSequence ? 1 : 0;
        var kept = new List<int>(keep);
        if (first == 1)
        {
            kept.Add(prompt[0]);
        }

        for (var i = prompt.Count - (keep - first); i < prompt.Count; i++)
        {
            kept.Add(prompt[i]);
        }

        return kept;
    }

    private unsafe int Prepare(IReadOnlyList<int> tokens, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count == 0)
        {
            throw new ArgumentException("No tokens to evaluate.", nameof(tokens));
        }

        if (tokens.Count > Size)
        {
            throw new LlamaContextOverflowException($"{tokens.Count} tokens do not fit a context of {Size}.");
        }

        // Keep the common prefix, but always decode at least the last token: its logits are what we sample from.
        var common = Math.Min(CommonPrefixLength(tokens), tokens.Count - 1);
        if (common < _cached.Count)
        {
            if (LlamaCppLibrary.Api.MemorySeqRm(_memory, 0, common, -1) == 0)
            {
                Reset();
                common = 0;
            }
            else
            {
                _cached.RemoveRange(common, _cached.Count - common);
            }
        }

        var rest = new int[tokens.Count - common];
        for (var i = 0; i < rest.Length; i++)
        {
            rest[i] = tokens[common + i];
        }

        Decode(rest, cancellationToken);
        return common;
    }

    private unsafe void Decode(int[] tokens, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var api = LlamaCppLibrary.Api;
        _abort.Token = cancellationToken;
        try
        {
            for (var start = 0; start < tokens.Length; start += _batch)
            {
                var n = Math.Min(_batch, tokens.Length - start);
                int result;
                fixed (int* t = &tokens[start])
                {
                    result = api.Decode(_handle.DangerousGetHandle(), new Batch { NTokens = n, Token = t });
                }

                switch (result)
                {
                    case 0:
                        _cached.AddRange(tokens.AsSpan(start, n));
                        break;
                    case 2:
                        // Aborted part-way: what the cache holds is no longer known exactly.
                        Reset();
                        cancellationToken.ThrowIfCancellationRequested();
                        throw new OperationCanceledException(cancellationToken);
                    case 1:
                        throw new LlamaContextOverflowException($"The context ({Size} tokens) has no room for {n} more tokens.");
                    default:
                        Reset();
                        throw new LlamaCppException($"llama_decode failed with code {result}.");
                }
            }
        }
        finally
        {
            _abort.Token = CancellationToken.None;
        }
    }

    private unsafe int Sample(SamplerHandle sampler) => LlamaCppLibrary.Api.SamplerSample(sampler.DangerousGetHandle(), _handle.DangerousGetHandle(), -1);

    private unsafe float[] LastLogits()
    {
        var logits = LlamaCppLibrary.Api.GetLogitsIth(_handle.DangerousGetHandle(), -1);
        if (logits == null)
        {
            throw new LlamaCppException("llama.cpp returned no logits for the last token.");
        }

        return new ReadOnlySpan<float>(logits, Model.VocabularySize).ToArray();
    }

    [UnmanagedCallersOnly]
    private static byte ShouldAbort(IntPtr data) =>
        GCHandle.FromIntPtr(data).Target is AbortState { Token.IsCancellationRequested: true } ? (byte)1 : (byte)0;

    private sealed class AbortState
    {
        public CancellationToken Token { get; set; }
    }
}
