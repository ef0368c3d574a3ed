using HybridAI.Abstractions.Retrieval;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Rag;

/// <summary>
/// The sentences of some evidence with their content terms (accent-folded, function words dropped, lightly stemmed),
/// numbered in one vocabulary, and each term's inverse document frequency over those sentences. Text read later (a
/// question, an answer) shares the vocabulary; a term no evidence sentence has gets the highest idf.
/// </summary>
internal sealed class EvidenceIndex
{
    private readonly List<int> _scratch = [];
    private int[] _documentFrequency = [];
    private double _documents;

    private EvidenceIndex()
    {
    }

    public Vocabulary Vocabulary { get; } = new();

    /// <summary>Every sentence of every passage, passage by passage, in text order (sentences without content terms included).</summary>
    public List<IndexedSentence> Sentences { get; } = [];

    /// <summary>Where each passage's sentences start in <see cref="Sentences"/>; one more entry marks the end.</summary>
    public int[] PassageStarts { get; private set; } = [0];

    public static EvidenceIndex Build(IReadOnlyList<EvidencePassage> evidence, string? question = null)
    {
        var index = new EvidenceIndex();
        if (!string.IsNullOrEmpty(question))
        {
            index.Terms(question); // numbers the question's terms first; document frequency counts sentences only
        }

        var spans = new List<TextSpan>();
        index.PassageStarts = new int[evidence.Count + 1];
        for (int p = 0; p < evidence.Count; p++)
        {
            index.PassageStarts[p] = index.Sentences.Count;
            string text = evidence[p].Text;
            spans.Clear();
            SentenceSplitter.Split(text, spans);
            foreach (TextSpan span in spans)
            {
                (int[] ids, int[] counts) = index.Terms(text.AsSpan(span.Start, span.Length));
                index.Sentences.Add(new IndexedSentence(p, span, ids, counts));
            }
        }

        index.PassageStarts[evidence.Count] = index.Sentences.Count;
        index._documentFrequency = new int[index.Vocabulary.Count];
        foreach (IndexedSentence sentence in index.Sentences)
        {
            foreach (int id in sentence.Ids)
            {
                index._documentFrequency[id]++;
            }
        }

        index._documents = index.Sentences.Count + 1;
        return index;
    }

    /// <summary>The smoothed idf of a term, the same formula as <see cref="GroundedDraftWriter"/>'s.</summary>
    public double Idf(int id) => Math.Log(1 + (_documents / ((id < _documentFrequency.Length ? _documentFrequency[id] : 0) + 1)));

    /// <summary>The idf of every term numbered so far.</summary>
    public double[] IdfTable()
    {
        var idf = new double[Vocabulary.Count];
        for (int id = 0; id < idf.Length; id++)
        {
            idf[id] = Idf(id);
        }

        return idf;
    }

    /// <summary>The distinct content-term ids of <paramref name="text"/> (ascending) and their counts.</summary>
    public (int[] Ids, int[] Counts) Terms(ReadOnlySpan<char> text)
    {
        _scratch.Clear();
        Tokenizer.Tokenize(text, Vocabulary, _scratch);
        return TermVector.Count(_scratch);
    }

    /// <summary>Adds the ids of the content terms of <paramref name="text"/> to <paramref name="termIds"/>.</summary>
    public void AddTerms(ReadOnlySpan<char> text, List<int> termIds) => Tokenizer.Tokenize(text, Vocabulary, termIds);
}

/// <summary>One evidence sentence: its passage, where it lies in the passage's text, and its terms.</summary>
internal sealed record IndexedSentence(int Passage, TextSpan Span, int[] Ids, int[] Counts);
