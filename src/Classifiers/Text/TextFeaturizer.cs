using System.Buffers;
using System.Globalization;

namespace HybridAI.Classifiers;

/// <summary>
/// Turns text into L2-normalised TF-IDF vectors of word n-grams and in-word character n-grams,
/// after folding accents and case. Fitted once on training texts; immutable and thread-safe afterwards.
/// </summary>
/// <example>
/// <code>
/// var featurizer = TextFeaturizer.Fit(["Je veux être remboursé", "App crashes on login"]);
/// SparseVector x = featurizer.Transform("rembourse svp");
/// string name = featurizer.FeatureName(x.Indices[0]); // e.g. "word:rembourse"
/// </code>
/// </example>
public sealed class TextFeaturizer
{
    private readonly double[] _idf;
    private readonly string[]? _vocabulary;
    private readonly Dictionary<string, int>? _vocabularyIndex;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabularyLookup;
    private readonly Dictionary<int, string>? _hashedNames;
    private readonly int _mask;

    internal TextFeaturizer(TextFeaturizerOptions options, int documentCount, double[] idf, string[]? vocabulary, Dictionary<int, string>? hashedNames)
    {
        Options = options;
        DocumentCount = documentCount;
        _idf = idf;
        Dimension = idf.Length;
        if (options.FeatureSpace == FeatureSpace.Vocabulary)
        {
            _vocabulary = vocabulary ?? throw new ArgumentNullException(nameof(vocabulary));
            _vocabularyIndex = new Dictionary<string, int>(vocabulary.Length, StringComparer.Ordinal);
            for (var i = 0; i < vocabulary.Length; i++)
            {
                _vocabularyIndex.Add(vocabulary[i], i);
            }

            _vocabularyLookup = _vocabularyIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        else
        {
            _hashedNames = hashedNames ?? [];
            _mask = (1 << options.HashBits) - 1;
        }
    }

    /// <summary>The options this featurizer was fitted with.</summary>
    public TextFeaturizerOptions Options { get; }

    /// <summary>The size of the feature space (buckets, or vocabulary terms).</summary>
    public int Dimension { get; }

    /// <summary>How many texts the featurizer was fitted on.</summary>
    public int DocumentCount { get; }

    internal ReadOnlySpan<double> Idf => _idf;

    internal IReadOnlyList<string>? Vocabulary => _vocabulary;

    internal IReadOnlyDictionary<int, string>? HashedNames => _hashedNames;

    /// <summary>Fits document frequencies (and the vocabulary, or bucket names) on <paramref name="documents"/>.</summary>
    /// <param name="documents">Training texts; null entries are rejected.</param>
    /// <param name="options">Featurizer settings; defaults when null.</param>
    public static TextFeaturizer Fit(IEnumerable<string> documents, TextFeaturizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        options ??= new TextFeaturizerOptions();
        options.Validate();
        return options.FeatureSpace == FeatureSpace.Vocabulary
            ? FitVocabulary(documents, options)
            : FitHashed(documents, options);
    }

    /// <summary>Featurizes one text. Thread-safe.</summary>
    public SparseVector Transform(string text)
    {
        var count = Featurize(text, out var indices, out var values);
        try
        {
            return SparseVector.FromSorted(Dimension, indices.AsSpan(0, count).ToArray(), values.AsSpan(0, count).ToArray());
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
            ArrayPool<double>.Shared.Return(values);
        }
    }

    /// <summary>
    /// A readable name for a feature: "word:refund", "word:mot de", "char: remb" (spaces mark word
    /// edges), or "hash:123" for a bucket whose terms were not seen while fitting.
    /// </summary>
    public string FeatureName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Dimension);
        if (_vocabulary is not null)
        {
            return _vocabulary[index];
        }

        return _hashedNames!.TryGetValue(index, out var name) ? name : "hash:" + index.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Featurizes into pooled arrays (returned by the caller); returns the entry count.</summary>
    internal int Featurize(string text, out int[] indices, out double[] values)
    {
        ArgumentNullException.ThrowIfNull(text);
        PooledIds ids;
        if (_vocabularyIndex is not null)
        {
            var sink = new VocabularyIdSink(_vocabularyLookup, text.Length * 4);
            TermEnumerator.Enumerate(text, Options, ref sink);
            ids = sink.Ids;
        }
        else
        {
            var sink = new HashedIdSink(_mask, text.Length * 4);
            TermEnumerator.Enumerate(text, Options, ref sink);
            ids = sink.Ids;
        }

        try
        {
            var raw = ids.Items.AsSpan(0, ids.Count);
            raw.Sort();
            indices = ArrayPool<int>.Shared.Rent(Math.Max(1, raw.Length));
            values = ArrayPool<double>.Shared.Rent(Math.Max(1, raw.Length));
            var count = 0;
            var i = 0;
            double squares = 0;
            while (i < raw.Length)
            {
                var id = raw[i];
                var tf = 0;
                while (i < raw.Length && raw[i] == id)
                {
                    tf++;
                    i++;
                }

                var weight = (Options.SublinearTf ? 1d + Math.Log(tf) : tf) * _idf[id];
                indices[count] = id;
                values[count] = weight;
                squares += weight * weight;
                count++;
            }

            if (squares > 0)
            {
                var scale = 1d / Math.Sqrt(squares);
                for (var k = 0; k < count; k++)
                {
                    values[k] *= scale;
                }
            }

            return count;
        }
        finally
        {
            ids.Dispose();
        }
    }

    internal static double SmoothIdf(int documentCount, int documentFrequency) =>
        Math.Log((1d + documentCount) / (1d + documentFrequency)) + 1d;

    private static TextFeaturizer FitHashed(IEnumerable<string> documents, TextFeaturizerOptions options)
    {
        var dimension = 1 << options.HashBits;
        var mask = dimension - 1;
        var df = new int[dimension];
        var names = new TermStatisticsSink(options.MaxFeatureNames);
        var n = 0;
        foreach (var document in documents)
        {
            if (document is null)
            {
                throw new ArgumentException($"Training text #{n} is null.", nameof(documents));
            }

            var sink = new HashedIdSink(mask, document.Length * 4);
            TermEnumerator.Enumerate(document, options, ref sink);
            var ids = sink.Ids.Items.AsSpan(0, sink.Ids.Count);
            ids.Sort();
            for (var i = 0; i < ids.Length; i++)
            {
                if (i == 0 || ids[i] != ids[i - 1])
                {
                    df[ids[i]]++;
                }
            }

            sink.Ids.Dispose();
            names.Document = n;
            if (options.MaxFeatureNames > 0)
            {
                TermEnumerator.Enumerate(document, options, ref names);
            }

            n++;
        }

        var idf = new double[dimension];
        for (var b = 0; b < dimension; b++)
        {
            idf[b] = options.UseIdf ? SmoothIdf(n, df[b]) : 1d;
        }

        return new TextFeaturizer(options, n, idf, vocabulary: null, NameBuckets(names.Terms, mask));
    }

    // Each bucket is named after its most frequent term, so explanations show the term that most likely fired.
    private static Dictionary<int, string> NameBuckets(Dictionary<string, TermStatistics> terms, int mask)
    {
        var best = new Dictionary<int, (string Term, int Occurrences)>();
        foreach (var (term, stats) in terms)
        {
            var bucket = TermHash.Bucket(term, mask);
            if (!best.TryGetValue(bucket, out var current)
                || stats.Occurrences > current.Occurrences
                || (stats.Occurrences == current.Occurrences && string.CompareOrdinal(term, current.Term) < 0))
            {
                best[bucket] = (term, stats.Occurrences);
            }
        }

        var names = new Dictionary<int, string>(best.Count);
        foreach (var (bucket, entry) in best)
        {
            names[bucket] = entry.Term;
        }

        return names;
    }

    private static TextFeaturizer FitVocabulary(IEnumerable<string> documents, TextFeaturizerOptions options)
    {
        var stats = new TermStatisticsSink(int.MaxValue);
        var n = 0;
        foreach (var document in documents)
        {
            if (document is null)
            {
                throw new ArgumentException($"Training text #{n} is null.", nameof(documents));
            }

            stats.Document = n;
            TermEnumerator.Enumerate(document, options, ref stats);
            n++;
        }

        var kept = new List<(string Term, int Df)>();
        foreach (var (term, s) in stats.Terms)
        {
            if (s.DocumentFrequency >= options.MinDocumentFrequency)
            {
                kept.Add((term, s.DocumentFrequency));
            }
        }

        if (options.MaxVocabularySize > 0 && kept.Count > options.MaxVocabularySize)
        {
            kept.Sort(static (a, b) => a.Df != b.Df ? b.Df.CompareTo(a.Df) : string.CompareOrdinal(a.Term, b.Term));
            kept.RemoveRange(options.MaxVocabularySize, kept.Count - options.MaxVocabularySize);
        }

        // Ordinal order makes the index assignment independent of the training order.
        kept.Sort(static (a, b) => string.CompareOrdinal(a.Term, b.Term));
        var vocabulary = new string[kept.Count];
        var idf = new double[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            vocabulary[i] = kept[i].Term;
            idf[i] = options.UseIdf ? SmoothIdf(n, kept[i].Df) : 1d;
        }

        return new TextFeaturizer(options, n, idf, vocabulary, hashedNames: null);
    }
}
