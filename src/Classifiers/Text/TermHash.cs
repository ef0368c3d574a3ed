namespace HybridAI.Classifiers;

/// <summary>
/// A stable hash for terms: string.GetHashCode is randomised per process, which would make a
/// saved hashed model meaningless after a restart.
/// </summary>
internal static class TermHash
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>FNV-1a over UTF-16 code units, folded to a bucket by mask.</summary>
    public static int Bucket(ReadOnlySpan<char> term, int mask)
    {
        var h = OffsetBasis;
        foreach (var c in term)
        {
            h ^= c;
            h *= Prime;
        }

        h ^= h >> 29;
        return (int)(h & (uint)mask);
    }
}
