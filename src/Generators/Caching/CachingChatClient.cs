using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Caching;

/// <summary>
/// Answers repeated requests from a SQLite cache instead of the inner client. The key is a SHA-256 of the messages'
/// roles and text, the model id and the options that change the output (temperature, top-p, top-k, penalties,
/// max tokens, stop sequences, seed, response format, tool names). With an embedder, a request that misses exactly
/// can still hit an entry whose last user message is similar enough and whose other key parts are the same.
/// </summary>
/// <remarks>
/// Not cached: requests with <c>Temperature &gt; 0</c> and no <c>Seed</c> (unless
/// <see cref="ResponseCacheOptions.CacheNondeterministic"/>), requests with non-text content (tool calls and results,
/// images), and responses that call tools. Hits and misses are counted on the <c>HybridAI.Generators.Cache</c> meter
/// (<c>hybridai.cache.hits</c>, <c>hybridai.cache.misses</c>, tagged <c>match</c> = <c>exact</c> or <c>semantic</c>).
/// </remarks>
/// <example>
/// <code>
/// using var cached = new CachingChatClient(inner, new ResponseCacheOptions("responses.db") { TimeToLive = TimeSpan.FromDays(1) });
/// var first = await cached.GetResponseAsync("Opening hours?");   // goes to inner
/// var again = await cached.GetResponseAsync("Opening hours?");   // from the cache
/// Console.WriteLine(cached.Statistics.HitRate);                    // 0.5
/// </code>
/// </example>
public sealed class CachingChatClient : DelegatingChatClient
{
    /// <summary>The name of the meter the cache counts on.</summary>
    public const string MeterName = "HybridAI.Generators.Cache";

    private readonly ResponseCacheOptions _options;
    private readonly ResponseCacheStore _store;
    private readonly Meter _meter;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private long _exactHits;
    private long _semanticHits;
    private long _missCount;

    /// <summary>Wraps <paramref name="innerClient"/> with the cache described by <paramref name="options"/>.</summary>
    public CachingChatClient(IChatClient innerClient, ResponseCacheOptions options)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _store = new ResponseCacheStore(options.Path);
        _meter = new Meter(MeterName);
        _hits = _meter.CreateCounter<long>("hybridai.cache.hits", description: "Chat requests answered from the response cache.");
        _misses = _meter.CreateCounter<long>("hybridai.cache.misses", description: "Cacheable chat requests sent to the inner client.");
    }

    /// <summary>Hits and misses counted by this instance.</summary>
    public ResponseCacheStatistics Statistics => new(
        Interlocked.Read(ref _exactHits), Interlocked.Read(ref _semanticHits), Interlocked.Read(ref _missCount));

    /// <summary>The store behind this client (tests and the bench reach its index and its scan path).</summary>
    internal ResponseCacheStore Store => _store;

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var lookup = await LookUpAsync(list, options, cancellationToken).ConfigureAwait(false);
        if (lookup.Hit is { } hit)
        {
            return hit;
        }
        var response = await base.GetResponseAsync(list, options, cancellationToken).ConfigureAwait(false);
        await StoreAsync(lookup, response, cancellationToken).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var lookup = await LookUpAsync(list, options, cancellationToken).ConfigureAwait(false);
        if (lookup.Hit is { } hit)
        {
            foreach (var update in hit.ToChatResponseUpdates())
            {
                yield return update;
            }
            yield break;
        }
        var updates = lookup.Key is null ? null : new List<ChatResponseUpdate>();
        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken).ConfigureAwait(false))
        {
            updates?.Add(update);
            yield return update;
        }
        if (updates is not null)
        {
            await StoreAsync(lookup, updates.ToChatResponse(), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _store.Dispose();
            _meter.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task<Lookup> LookUpAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var defaultModel = InnerClient.GetService<ChatClientMetadata>()?.DefaultModelId;
        var key = CacheKey.TryCreate(messages, options, defaultModel, _options.CacheNondeterministic);
        if (key is null)
        {
            return default;
        }
        var now = _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (await _store.FindExactAsync(key.Exact, now, cancellationToken).ConfigureAwait(false) is { } exact)
        {
            return new Lookup(key, null, Hit(exact, "exact", ref _exactHits));
        }
        ReadOnlyMemory<float>? embedding = null;
        if (_options.Embedder is { } embedder)
        {
            embedding = (await embedder.GenerateAsync([key.LastUserText], cancellationToken: cancellationToken).ConfigureAwait(false))[0].Vector;
            var similar = await _store.FindSimilarAsync(key.Partition, embedding.Value, _options.SimilarityThreshold, now, cancellationToken).ConfigureAwait(false);
            if (similar is not null)
            {
                return new Lookup(key, embedding, Hit(similar, "semantic", ref _semanticHits));
            }
        }
        Interlocked.Increment(ref _missCount);
        _misses.Add(1, new KeyValuePair<string, object?>("match", embedding is null ? "exact" : "semantic"));
        return new Lookup(key, embedding, null);
    }

    private ChatResponse Hit(string json, string match, ref long counter)
    {
        CachedResponse? cached;
        try
        {
            cached = CachedResponse.FromJson(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InvalidDataException($"The response cache file '{_options.Path}' holds an entry that is not a cached response.", ex);
        }
        if (cached is null)
        {
            throw new InvalidDataException($"The response cache file '{_options.Path}' holds an empty entry.");
        }
        Interlocked.Increment(ref counter);
        _hits.Add(1, new KeyValuePair<string, object?>("match", match));
        return cached.ToChatResponse();
    }

    private async Task StoreAsync(Lookup lookup, ChatResponse response, CancellationToken cancellationToken)
    {
        if (lookup.Key is not { } key || response.Messages.Any(m => m.Contents.Any(c => c is FunctionCallContent)))
        {
            return;
        }
        var now = _options.TimeProvider.GetUtcNow();
        long? expires = _options.TimeToLive is { } ttl ? (now + ttl).ToUnixTimeMilliseconds() : null;
        await _store.PutAsync(key.Exact, key.Partition, lookup.Embedding, CachedResponse.From(response).ToJson(), now.ToUnixTimeMilliseconds(), expires, cancellationToken).ConfigureAwait(false);
    }

    private readonly record struct Lookup(CacheKey? Key, ReadOnlyMemory<float>? Embedding, ChatResponse? Hit);
}
