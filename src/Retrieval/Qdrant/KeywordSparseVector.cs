using System.Collections.Frozen;
using System.Globalization;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Querying;

namespace HybridAI.Retrieval.Qdrant;

/// <summary>A sparse vector as Qdrant takes it: unique indices and their weights.</summary>
internal readonly record struct SparseVector(uint[] Indices, float[] Values)
{
    public bool IsEmpty => Indices.Length == 0;
}

/// <summary>
/// BM25 split between client and server: the client hashes each folded word (and its stem, so "refunded" meets
/// "refund") to a sparse index and weighs it by BM25's saturated term frequency; the collection's sparse vector is
/// configured with <c>"modifier": "idf"</c>, so Qdrant multiplies by each term's inverse document frequency, computed
/// over the whole collection, at query time. The score is then Σ idf(t) · tf-weight(t) · query-weight(t), which is BM25.
/// </summary>
internal sealed class KeywordSparseVector
{
    /// <summary>BM25's usual constants.</summary>
    private const float K1 = 1.2f;
    private const float B = 0.75f;

    /// <summary>
    /// The average chunk length BM25 normalises by. The server does not expose it, so it is fixed: a chunk of about
    /// this many words is neither boosted nor penalised for its length.
    /// </summary>
    private const float AverageWords = 100;

    /// <summary>A stem weighs less than the exact word, so exact forms still rank higher.</summary>
    private const float StemWeight = 0.5f;

    private const ulong WordSeed = 0x5BD1E9955BD1E995UL;
    private const ulong StemSeed = 0x27D4EB2F165667C5UL;

    private readonly FrozenSet<string> _stopWords;

    public KeywordSparseVector(IEnumerable<string> stopWords)
    {
        _stopWords = stopWords.Select(static w => Fold(w)).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The vector stored with a chunk: every word counts, stop words included (queries drop them).</summary>
#pragma warning disable CA1822 // An instance method beside ForQuery: both belong to one configured vectoriser.
    public SparseVector ForDocument(string text)
    {
        List<string> words = Words(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string word in words)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        float norm = K1 * (1 - B + (B * words.Count / AverageWords));
        var weights = new Dictionary<uint, float>();
        foreach ((string word, int count) in counts)
        {
            float weight = count * (K1 + 1) / (count + norm);
            Add(weights, Index(word, WordSeed), weight);
            if (Fts5MatchBuilder.Stem(word) is { } stem)
            {
                Add(weights, Index(stem, StemSeed), weight);
            }
        }

        return ToVector(weights);
    }
#pragma warning restore CA1822

    /// <summary>The query vector: each distinct non-stop word once (all words if every one is a stop word).</summary>
    public SparseVector ForQuery(string text)
    {
        List<string> words = Words(text);
        List<string> kept = [.. words.Where(w => !_stopWords.Contains(w)).Distinct(StringComparer.Ordinal)];
        if (kept.Count == 0)
        {
            kept = [.. words.Distinct(StringComparer.Ordinal)];
        }

        var weights = new Dictionary<uint, float>();
        foreach (string word in kept.Take(Fts5MatchBuilder.MaxTerms))
        {
            Add(weights, Index(word, WordSeed), 1);
            if (Fts5MatchBuilder.Stem(word) is { } stem)
            {
                Add(weights, Index(stem, StemSeed), StemWeight);
            }
        }

        return ToVector(weights);
    }

    private static void Add(Dictionary<uint, float> weights, uint index, float weight) =>
        weights[index] = Math.Max(weights.GetValueOrDefault(index), weight);

    private static SparseVector ToVector(Dictionary<uint, float> weights)
    {
        uint[] indices = [.. weights.Keys.Order()];
        float[] values = [.. indices.Select(i => weights[i])];
        return new SparseVector(indices, values);
    }

    private static uint Index(string term, ulong seed) => (uint)StableHash.Chars(term, seed);

    /// <summary>Lower-cased, accent-folded words: letters, digits and combining marks, as the FTS5 tokenizer cuts them.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !IsWordChar(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && IsWordChar(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(Fold(text.AsSpan(start, i - start)));
            }
        }

        return words;
    }

    private static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 64 ? stackalloc char[TextFolding.MaxFoldedLength(word.Length)] : new char[TextFolding.MaxFoldedLength(word.Length)];
        int length = TextFolding.Fold(word, buffer, foldCase: true, foldAccents: true);
        return new string(buffer[..length]);
    }

    private static bool IsWordChar(char c)
    {
        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
