namespace HybridAI.Generators.Text;

/// <summary>
/// Numbers the distinct terms of one drafting call. Looks terms up by span, so a term seen before
/// costs no string allocation.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Vocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many distinct terms have been numbered.</summary>
    public int Count => _ids.Count;

    /// <summary>The id of <paramref name="term"/>, numbering it if it is new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> term)
    {
        if (_lookup.TryGetValue(term, out int id))
        {
            return id;
        }

        id = _ids.Count;
        _lookup[term] = id;
        return id;
    }
}
