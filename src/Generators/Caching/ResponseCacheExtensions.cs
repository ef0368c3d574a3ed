using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Caching;

/// <summary>Adds a SQLite response cache in front of a chat client.</summary>
public static class ResponseCacheExtensions
{
    /// <summary>Wraps <paramref name="client"/> in a <see cref="CachingChatClient"/> using <paramref name="options"/>.</summary>
    /// <example>
    /// <code>
    /// using var cached = client.WithResponseCache(new ResponseCacheOptions("responses.db"));
    /// var answer = await cached.GetResponseAsync("What is our refund policy?");
    /// </code>
    /// </example>
    public static CachingChatClient WithResponseCache(this IChatClient client, ResponseCacheOptions options)
        => new(client, options);
}
