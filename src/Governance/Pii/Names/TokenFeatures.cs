namespace HybridAI.Governance.Pii.Names;

/// <summary>
/// The features of one token, hashed into weight buckets: the word and its affixes, shape and case, gazetteer lists
/// (alone and inside a longer entry), neighbouring words and their lists, context-word classes ("Mme", "chez", "SARL")
/// and the tags already given to the two tokens before.
/// </summary>
internal static class TokenFeatures
{
    public const int Max = 48;
    public const int BucketBits = 16;
    public const int BucketMask = (1 << BucketBits) - 1;

    private static readonly ulong PaddingHash = Folding.Hash("\u0002pad");

    /// <summary>Writes the feature buckets of token <paramref name="i"/> into <paramref name="features"/>; returns how many.</summary>
    public static int Extract(ReadOnlySpan<char> text, TaggedText tagged, int i, int previousTag, int previous2Tag, Span<int> features)
    {
        var tokens = tagged.Tokens;
        var hashes = tagged.Hashes;
        var single = tagged.Single;
        var t = tokens[i];
        var word = text.Slice(t.Start, t.Length);
        var w = hashes[i];
        var flags = (ulong)(t.Flags & ~TokenFlags.Number);
        var shape = Shape(word);
        var gaz = (ulong)single[i];
        var cov = (ulong)tagged.Covered[i];
        var pw = i > 0 ? hashes[i - 1] : PaddingHash;
        var nw = i + 1 < tokens.Length ? hashes[i + 1] : PaddingHash;
        var pw2 = i > 1 ? hashes[i - 2] : PaddingHash;
        var nw2 = i + 2 < tokens.Length ? hashes[i + 2] : PaddingHash;
        var pg = i > 0 ? (ulong)single[i - 1] : 0xFFFF;
        var ng = i + 1 < tokens.Length ? (ulong)single[i + 1] : 0xFFFF;
        var pc = (ulong)WordClasses.Of(pw);
        var nc = (ulong)WordClasses.Of(nw);
        var pf = i > 0 ? (ulong)(tokens[i - 1].Flags & ~TokenFlags.SentenceStart) : 0xFF;
        var nf = i + 1 < tokens.Length ? (ulong)(tokens[i + 1].Flags & ~TokenFlags.SentenceStart) : 0xFF;
        var pt = (ulong)previousTag;
        var n = 0;
        features[n++] = Bucket(0, 0);
        features[n++] = Bucket(1, w);
        features[n++] = Bucket(2, Folding.HashSuffix(word, 3, 2));
        features[n++] = Bucket(3, Folding.HashSuffix(word, 2, 3));
        features[n++] = Bucket(4, Folding.HashPrefix(word, 3, 4));
        features[n++] = Bucket(5, shape);
        features[n++] = Bucket(6, flags);
        features[n++] = Bucket(7, gaz << 8 | flags);
        for (var bit = 0; bit < 7; bit++)
        {
            if ((gaz & (1UL << bit)) != 0)
                features[n++] = Bucket(8, (ulong)bit << 8 | flags);
            if ((cov & (1UL << bit)) != 0)
                features[n++] = Bucket(9, (ulong)bit);
        }
        features[n++] = Bucket(10, cov << 16 | gaz);
        features[n++] = Bucket(11, pw);
        features[n++] = Bucket(12, nw);
        features[n++] = Bucket(13, pw2);
        features[n++] = Bucket(14, nw2);
        features[n++] = Bucket(15, pc << 8 | flags);
        features[n++] = Bucket(16, nc << 8 | flags);
        features[n++] = Bucket(17, pg << 8 | pf);
        features[n++] = Bucket(18, ng << 8 | nf);
        features[n++] = Bucket(19, pc << 16 | gaz);
        features[n++] = Bucket(20, nc << 16 | gaz);
        features[n++] = Bucket(21, pt);
        features[n++] = Bucket(22, pt ^ w);
        features[n++] = Bucket(23, pt << 8 | (uint)previous2Tag);
        features[n++] = Bucket(24, pt << 32 | shape);
        features[n++] = Bucket(25, pt << 32 | gaz << 8 | flags);
        features[n++] = Bucket(26, Folding.HashSuffix(word, 4, 5));
        features[n++] = Bucket(27, pw ^ (w * 31));
        features[n++] = Bucket(28, pt << 16 | nc << 8 | ng);
        features[n++] = Bucket(29, (ulong)Math.Min(t.Length, 12) << 8 | flags);
        features[n++] = Bucket(30, (ulong)WordClasses.Of(pw2) << 8 | pc);
        return n;
    }

    /// <summary>The word's shape with runs collapsed: "Dupont" → Xx, "SARL" → X, "O'Brien" → X'Xx, "A380" → Xd.</summary>
    private static ulong Shape(ReadOnlySpan<char> word)
    {
        ulong h = 17;
        var last = '\0';
        var length = 0;
        foreach (var c in word)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s == last)
                continue;
            last = s;
            h = h * 131 + s;
            if (++length == 6)
                break;
        }
        return h;
    }

    private static int Bucket(int template, ulong value)
    {
        var h = (value + (ulong)template * 0x9E3779B97F4A7C15UL) * 0xBF58476D1CE4E5B9UL;
        h ^= h >> 31;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 29;
        return (int)(h & BucketMask);
    }
}
