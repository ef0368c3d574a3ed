using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Caching;

/// <summary>
/// Settings of <see cref="CachingChatClient"/>: where the cache file lives, how long entries live, and
/// whether near-identical questions may share an answer (semantic matching).
/// </summary>
/// <example>
/// <code>
/// var options = new ResponseCacheOptions("responses.db")
/// {
///     TimeToLive = TimeSpan.FromHours(12),
///     Embedder = embedder,            // optional: enables semantic hits
///     SimilarityThreshold = 0.95f,
/// };
/// using var client = inner.WithResponseCache(options);
/// </code>
/// </example>
public sealed class ResponseCacheOptions
{
    /// <summary>Creates options for a cache stored in the SQLite file at <paramref name="path"/> (created if missing).</summary>
    public ResponseCacheOptions(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    /// <summary>The SQLite file holding the cache.</summary>
    public string Path { get; }

    /// <summary>
    /// Embeds the last user message so that a differently worded but similar question can hit; <see langword="null"/>
    /// (the default) keeps exact matching only.
    /// </summary>
    /// <remarks>
    /// A semantic look-up compares against the partition's embeddings held in memory (read from the file on first use,
    /// then only the rows written since, by any instance or process): 4 bytes per dimension plus about 56 bytes per
    /// live entry, so about 4.1 KB per entry at 1,024 dimensions. Expired entries leave memory within a minute.
    /// </remarks>
    public IEmbeddingGenerator<string, Embedding<float>>? Embedder { get; init; }

    /// <summary>Cosine similarity at or above which a semantic candidate is a hit; 0.95 by default.</summary>
    public float SimilarityThreshold { get; init; } = 0.95f;

    /// <summary>How long an entry stays valid after it is stored; <see langword="null"/> (the default) keeps it forever.</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>The clock used for <see cref="TimeToLive"/>; <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Whether requests sampled with <c>Temperature &gt; 0</c> and no <c>Seed</c> are cached too. <see langword="false"/>
    /// by default: such a request asks for a fresh random answer each time, so it bypasses the cache.
    /// </summary>
    public bool CacheNondeterministic { get; init; }

    internal void Validate()
    {
        if (!(SimilarityThreshold is > 0f and <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(SimilarityThreshold), SimilarityThreshold, "The similarity threshold must be in (0, 1].");
        }
        if (TimeToLive is { } ttl && ttl <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeToLive), ttl, "The time to live must be positive.");
        }
        ArgumentNullException.ThrowIfNull(TimeProvider);
    }
}
