using System.Buffers;

namespace HybridAI.Governance.Pii.Names;

/// <summary>
/// A text prepared for tagging: its tokens, each token's folded hash, the gazetteer lists each token is in alone and
/// the lists of longer entries covering it. The arrays are pooled; <see cref="Dispose"/> returns them.
/// </summary>
internal sealed class TaggedText : IDisposable
{
    private NameToken[] _tokens = [];
    private ulong[] _hashes = [];
    private GazetteerKinds[] _single = [];
    private GazetteerKinds[] _covered = [];
    private byte[] _tags = [];
    private float[] _margins = [];

    public int Count { get; private set; }

    public ReadOnlySpan<NameToken> Tokens => _tokens.AsSpan(0, Count);
    public ReadOnlySpan<ulong> Hashes => _hashes.AsSpan(0, Count);
    public ReadOnlySpan<GazetteerKinds> Single => _single.AsSpan(0, Count);
    public ReadOnlySpan<GazetteerKinds> Covered => _covered.AsSpan(0, Count);
    public Span<byte> Tags => _tags.AsSpan(0, Count);
    public Span<float> Margins => _margins.AsSpan(0, Count);

    [ThreadStatic]
    private static TaggedText? t_cached;

    /// <summary>A reusable instance for this thread (the detector's hot path); do not dispose it.</summary>
    public static TaggedText ForThisThread() => t_cached ??= new TaggedText();

    public void Prepare(ReadOnlySpan<char> text, Gazetteer gazetteer)
    {
        if (_tokens.Length == 0)
            _tokens = ArrayPool<NameToken>.Shared.Rent(64);
        Count = NameTokenizer.Tokenize(text, ref _tokens);
        Ensure(ref _hashes);
        Ensure(ref _single);
        Ensure(ref _covered);
        Ensure(ref _tags);
        Ensure(ref _margins);
        var n = Count;
        var tokens = _tokens.AsSpan(0, n);
        var hashes = _hashes.AsSpan(0, n);
        // Only tokens within two of a capitalised one are ever looked at (as candidates or their neighbours).
        var hashedUpTo = 0;
        for (var i = 0; i < n; i++)
        {
            if ((tokens[i].Flags & TokenFlags.Capitalised) == 0)
                continue;
            var from = Math.Max(hashedUpTo, i - 2);
            var to = Math.Min(n, i + 3);
            for (var k = from; k < to; k++)
                hashes[k] = Folding.Hash(text.Slice(tokens[k].Start, tokens[k].Length));
            for (var k = hashedUpTo; k < from; k++)
                hashes[k] = 0;
            hashedUpTo = Math.Max(hashedUpTo, to);
        }
        hashes[hashedUpTo..].Clear();
        var single = _single.AsSpan(0, n);
        var covered = _covered.AsSpan(0, n);
        covered.Clear();
        for (var i = 0; i < n; i++)
        {
            if ((tokens[i].Flags & TokenFlags.Capitalised) == 0)
            {
                single[i] = GazetteerKinds.None;
                continue;
            }
            var h = Folding.Append(Folding.Seed, hashes[i]);
            var found = gazetteer.Lookup(h);
            single[i] = found & ~GazetteerKinds.Prefix;
            for (var j = i + 1; j < n && (found & GazetteerKinds.Prefix) != 0; j++)
            {
                h = Folding.Append(h, hashes[j]);
                found = gazetteer.Lookup(h);
                var kinds = found & ~GazetteerKinds.Prefix;
                // Entries end on a word: a last token that is punctuation ("Smith,") is never a whole entry.
                if (kinds == GazetteerKinds.None || (tokens[j].Flags & TokenFlags.Word) == 0)
                    continue;
                for (var k = i; k <= j; k++)
                    covered[k] |= kinds;
            }
        }
    }

    private void Ensure<T>(ref T[] array)
    {
        if (array.Length >= Count)
            return;
        if (array.Length > 0)
            ArrayPool<T>.Shared.Return(array);
        array = ArrayPool<T>.Shared.Rent(Math.Max(64, Count));
    }

    public void Dispose()
    {
        Return(ref _hashes);
        Return(ref _single);
        Return(ref _covered);
        Return(ref _tags);
        Return(ref _margins);
        Return(ref _tokens);
    }

    private static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
            ArrayPool<T>.Shared.Return(array);
        array = [];
    }
}
