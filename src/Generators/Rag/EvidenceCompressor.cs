using System.Text;
using HybridAI.Abstractions.Generation;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Rag;

/// <summary>
/// Shrinks evidence to a token budget by what matters to the question. Every sentence is scored by TF-IDF cosine with
/// the question (accent-folded English and French terms, function words dropped, the same scoring as
/// <see cref="GroundedDraftWriter"/>). <see cref="CompressionMode.Summarize"/> keeps the best sentences across all
/// passages while they fit and rewrites each passage as its kept sentences, in their order; a passage with none left
/// is dropped. <see cref="CompressionMode.DropPassages"/> keeps whole passages, most relevant first. Evidence that
/// already fits is returned as it is. Ties go to the earlier passage and sentence, so the result is deterministic.
/// Thread-safe.
/// </summary>
/// <example>
/// <code>
/// var compressor = new EvidenceCompressor(new EvidenceCompressionOptions { MaxTokens = 1500, TokenCounter = TiktokenEncoding.ForModel("gpt-4o") });
/// CompressedEvidence compressed = compressor.Compress("How long does a refund take?", EvidencePassage.FromHits(hits));
/// IList&lt;ChatMessage&gt; prompt = EvidencePrompt.Build("How long does a refund take?", compressed.Evidence);
/// </code>
/// </example>
public sealed class EvidenceCompressor
{
    /// <summary>Creates a compressor; options are validated now.</summary>
    /// <param name="options">The budget and mode.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public EvidenceCompressor(EvidenceCompressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The budget and mode this compressor uses.</summary>
    public EvidenceCompressionOptions Options { get; }

    /// <summary>Compresses <paramref name="evidence"/> for <paramref name="question"/> to <see cref="EvidenceCompressionOptions.MaxTokens"/>.</summary>
    /// <param name="question">What the evidence should answer; sentences sharing its terms are kept first.</param>
    /// <param name="evidence">The passages, in the order they should stay in (typically ranked best first).</param>
    /// <exception cref="ArgumentException">A passage or one of its fields is null; the message gives its index.</exception>
    public CompressedEvidence Compress(string question, IReadOnlyList<EvidencePassage> evidence)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(evidence);
        EvidenceChecks.Validate(evidence);

        ITokenCounter counter = Options.Counter;
        var tokens = new int[evidence.Count];
        long before = 0;
        for (int p = 0; p < evidence.Count; p++)
        {
            tokens[p] = counter.CountTokens(evidence[p].Text);
            before += tokens[p];
        }

        EvidenceIndex index = EvidenceIndex.Build(evidence, question);
        (int[] questionIds, int[] questionCounts) = index.Terms(question);
        double[] idf = index.IdfTable();
        TermVector query = TermVector.Weigh(questionIds, questionCounts, idf);
        var support = new double[index.Sentences.Count];
        var relevance = new double[evidence.Count];
        for (int s = 0; s < support.Length; s++)
        {
            IndexedSentence sentence = index.Sentences[s];
            support[s] = query.Cosine(TermVector.Weigh(sentence.Ids, sentence.Counts, idf));
            relevance[sentence.Passage] = Math.Max(relevance[sentence.Passage], support[s]);
        }

        int beforeTokens = (int)Math.Min(int.MaxValue, before);
        if (before <= Options.MaxTokens)
        {
            var whole = new CompressedPassage[evidence.Count];
            for (int p = 0; p < whole.Length; p++)
            {
                whole[p] = new CompressedPassage(p, evidence[p], PackingOutcome.Included, evidence[p].Text, relevance[p], tokens[p]);
            }

            return new CompressedEvidence(whole, beforeTokens, beforeTokens);
        }

        CompressedPassage[] result = Options.Mode == CompressionMode.DropPassages
            ? DropPassages(evidence, tokens, relevance)
            : Summarize(evidence, index, support, relevance);
        int after = 0;
        foreach (CompressedPassage passage in result)
        {
            after += passage.Tokens;
        }

        return new CompressedEvidence(result, beforeTokens, after);
    }

    private CompressedPassage[] DropPassages(IReadOnlyList<EvidencePassage> evidence, int[] tokens, double[] relevance)
    {
        int[] order = [.. Enumerable.Range(0, evidence.Count).OrderByDescending(p => relevance[p]).ThenBy(p => p)];
        var result = new CompressedPassage[evidence.Count];
        long room = Options.MaxTokens;
        foreach (int p in order)
        {
            bool keep = tokens[p] <= room;
            room -= keep ? tokens[p] : 0;
            result[p] = keep
                ? new CompressedPassage(p, evidence[p], PackingOutcome.Included, evidence[p].Text, relevance[p], tokens[p])
                : new CompressedPassage(p, evidence[p], PackingOutcome.Dropped, string.Empty, relevance[p], 0);
        }

        return result;
    }

    private CompressedPassage[] Summarize(IReadOnlyList<EvidencePassage> evidence, EvidenceIndex index, double[] support, double[] relevance)
    {
        ITokenCounter counter = Options.Counter;
        List<IndexedSentence> sentences = index.Sentences;
        int[] order = [.. Enumerable.Range(0, sentences.Count).OrderByDescending(s => support[s]).ThenBy(s => s)];
        var kept = new bool[sentences.Count];
        var added = new List<int>();
        long room = Options.MaxTokens;
        foreach (int s in order)
        {
            IndexedSentence sentence = sentences[s];
            int cost = counter.CountTokens(evidence[sentence.Passage].Text.Substring(sentence.Span.Start, sentence.Span.Length));
            if (cost <= room)
            {
                kept[s] = true;
                added.Add(s);
                room -= cost;
            }
        }

        // Sentences were counted one by one; joined, a tokenizer may count them differently. Give up the last kept
        // (least relevant) sentence until the passages fit as counted.
        while (true)
        {
            CompressedPassage[] result = Render(evidence, index, kept, relevance);
            long total = 0;
            foreach (CompressedPassage passage in result)
            {
                total += passage.Tokens;
            }

            if (total <= Options.MaxTokens || added.Count == 0)
            {
                return result;
            }

            kept[added[^1]] = false;
            added.RemoveAt(added.Count - 1);
        }
    }

    private CompressedPassage[] Render(IReadOnlyList<EvidencePassage> evidence, EvidenceIndex index, bool[] kept, double[] relevance)
    {
        var result = new CompressedPassage[evidence.Count];
        var text = new StringBuilder();
        for (int p = 0; p < evidence.Count; p++)
        {
            text.Clear();
            int first = index.PassageStarts[p], end = index.PassageStarts[p + 1], count = 0;
            for (int s = first; s < end; s++)
            {
                if (kept[s])
                {
                    IndexedSentence sentence = index.Sentences[s];
                    text.Append(count++ > 0 ? " " : string.Empty).Append(evidence[p].Text, sentence.Span.Start, sentence.Span.Length);
                }
            }

            if (count == 0)
            {
                result[p] = new CompressedPassage(p, evidence[p], PackingOutcome.Dropped, string.Empty, relevance[p], 0);
                continue;
            }

            bool whole = count == end - first;
            string remaining = whole ? evidence[p].Text : text.ToString();
            result[p] = new CompressedPassage(p, evidence[p], whole ? PackingOutcome.Included : PackingOutcome.Truncated, remaining, relevance[p], Options.Counter.CountTokens(remaining));
        }

        return result;
    }
}
