namespace HybridAI.Generators.Caching;

/// <summary>Counts of cache look-ups since a <see cref="CachingChatClient"/> was created.</summary>
/// <param name="ExactHits">Requests answered from an entry with the same key.</param>
/// <param name="SemanticHits">Requests answered from an entry whose last user message was similar enough.</param>
/// <param name="Misses">Cacheable requests that went to the inner client.</param>
public readonly record struct ResponseCacheStatistics(long ExactHits, long SemanticHits, long Misses)
{
    /// <summary>All hits, exact and semantic.</summary>
    public long Hits => ExactHits + SemanticHits;

    /// <summary>Hits over all cacheable look-ups; 0 when there were none.</summary>
    public double HitRate => Hits + Misses == 0 ? 0 : (double)Hits / (Hits + Misses);
}
