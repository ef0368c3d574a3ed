using System.Runtime.InteropServices;

namespace HybridAI.Classifiers;

/// <summary>Maps each term to its hashed bucket.</summary>
internal struct HashedIdSink(int mask, int capacity) : ITermSink
{
    public PooledIds Ids = new(capacity);

    public void Add(ReadOnlySpan<char> term) => Ids.Add(TermHash.Bucket(term, mask));
}

/// <summary>Maps each term to its vocabulary index, dropping unknown terms.</summary>
internal struct VocabularyIdSink(Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, int capacity) : ITermSink
{
    public PooledIds Ids = new(capacity);

    public void Add(ReadOnlySpan<char> term)
    {
        if (lookup.TryGetValue(term, out var id))
        {
            Ids.Add(id);
        }
    }
}

/// <summary>During fitting: counts document frequency per distinct term (and, bounded, total occurrences).</summary>
internal sealed class TermStatisticsSink : ITermSink
{
    private readonly Dictionary<string, TermStatistics> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermStatistics>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxTerms;

    public TermStatisticsSink(int maxTerms)
    {
        _maxTerms = maxTerms;
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Document { get; set; }

    public Dictionary<string, TermStatistics> Terms => _terms;

    public void Add(ReadOnlySpan<char> term)
    {
        if (_terms.Count >= _maxTerms && !_lookup.ContainsKey(term))
        {
            return;
        }

        ref var stats = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, term, out var exists);
        if (!exists)
        {
            stats.LastDocument = -1;
        }

        stats.Occurrences++;
        if (stats.LastDocument != Document)
        {
            stats.LastDocument = Document;
            stats.DocumentFrequency++;
        }
    }
}

internal struct TermStatistics
{
    public int DocumentFrequency;
    public int Occurrences;
    public int LastDocument;
}
