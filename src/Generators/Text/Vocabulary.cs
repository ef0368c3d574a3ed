namespace HybridAI.Generators.Text;

/// <summary>
/// Numbers the distinct terms of one drafting call, 0, 1, 2… in order of first sight. Looks terms up by span, so a
/// term seen before costs no string allocation; <see cref="ForThisThread"/> hands out one instance per thread that
/// remembers the strings of earlier calls (a knowledge base repeats its words), while the numbers stay per call.
/// </summary>
internal sealed class Vocabulary
{
    // Past this many remembered terms the cache starts over, so a long-lived thread does not grow without bound.
    private const int MaxRemembered = 1 << 16;

    [ThreadStatic]
    private static Vocabulary? t_cached;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // For each remembered term: the call (generation) that last numbered it, and its number in that call.
    private int[] _generationOf = new int[256];
    private int[] _localId = new int[256];
    private int _generation = 1;

    public Vocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many distinct terms this call has numbered.</summary>
    public int Count { get; private set; }

    /// <summary>This thread's vocabulary, emptied of the previous call's numbers (not of its remembered strings).</summary>
    public static Vocabulary ForThisThread()
    {
        Vocabulary vocabulary = t_cached ??= new Vocabulary();
        vocabulary.StartCall();
        return vocabulary;
    }

    /// <summary>The id of <paramref name="term"/> in this call, numbering it if it is new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> term)
    {
        if (!_lookup.TryGetValue(term, out int remembered))
        {
            remembered = _ids.Count;
            _lookup[term] = remembered;
            if (remembered == _generationOf.Length)
            {
                Array.Resize(ref _generationOf, remembered * 2);
                Array.Resize(ref _localId, remembered * 2);
            }
        }

        if (_generationOf[remembered] != _generation)
        {
            _generationOf[remembered] = _generation;
            _localId[remembered] = Count++;
        }

        return _localId[remembered];
    }

    private void StartCall()
    {
        Count = 0;
        if (_ids.Count > MaxRemembered || _generation == int.MaxValue)
        {
            _ids.Clear();
            Array.Clear(_generationOf);
            _generation = 0;
        }

        _generation++;
    }
}
