namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Fixed, seedable hashes whose values never change between processes, machines or .NET versions
/// (unlike <see cref="string.GetHashCode()"/>), so that vectors stored today still match queries embedded later.
/// FNV-1a spreads the input; the MurmurHash3 finaliser then mixes the bits so low and high bits are both usable.
/// </summary>
internal static class StableHash
{
    private const ulong FnvOffset64 = 14695981039346656037UL;
    private const ulong FnvPrime64 = 1099511628211UL;
    private const uint FnvOffset32 = 2166136261U;
    private const uint FnvPrime32 = 16777619U;

    /// <summary>Hashes UTF-16 code units (not bytes), so the value does not depend on the machine's byte order.</summary>
    public static ulong Chars(ReadOnlySpan<char> text, ulong seed)
    {
        ulong h = FnvOffset64 ^ seed;
        foreach (char c in text)
        {
            h = (h ^ c) * FnvPrime64;
        }

        return Mix(h);
    }

    /// <summary>Folds <paramref name="next"/> into <paramref name="h"/> in an order-sensitive way ("new york" ≠ "york new").</summary>
    public static ulong Combine(ulong h, ulong next) => Mix((h * 31) ^ next);

    public static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        return h;
    }

    /// <summary>Hashes UTF-8 bytes: the word-vector file's lookup table is keyed by it.</summary>
    public static uint Utf8(ReadOnlySpan<byte> bytes)
    {
        uint h = FnvOffset32;
        foreach (byte b in bytes)
        {
            h = (h ^ b) * FnvPrime32;
        }

        h ^= h >> 16;
        h *= 0x85ebca6bU;
        h ^= h >> 13;
        h *= 0xc2b2ae35U;
        h ^= h >> 16;
        return h;
    }
}
