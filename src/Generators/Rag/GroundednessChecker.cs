using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Generators.Chat;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Text;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Rag;

/// <summary>
/// Checks an answer against the evidence it was written from, sentence by sentence, with no model. Each claim gets
/// its support: the idf-weighted share of its content terms (accent-folded English and French, function words and
/// citation markers left out) found in the best-matching evidence sentence or pair of adjacent sentences; a claim is
/// supported when that share reaches <see cref="GroundednessOptions.MinSupport"/> and, by default, every number in it
/// is in that evidence. The markers it cites (<c>[1]</c>, <c>[1][2]</c>, <c>[1, 2]</c>) are checked the same way
/// against the cited passages alone, so a sentence that is true but cites the wrong source is caught. Greetings,
/// lead-ins, signatures, refusals and the sources list are recognised and not counted as claims. Deterministic and
/// thread-safe.
/// </summary>
/// <example>
/// <code>
/// IList&lt;ChatMessage&gt; prompt = EvidencePrompt.Build(question, evidence);
/// ChatResponse answer = await llm.GetResponseAsync(prompt);
/// GroundednessReport report = new GroundednessChecker().CheckAgainstPrompt(answer.Text, prompt);
/// foreach (SentenceGrounding s in report.Flagged) Console.WriteLine($"unsupported: {s.Text} ({s.Support:0.00})");
/// Console.WriteLine($"grounded: {report.GroundedRatio:P0}");
/// </code>
/// </example>
public sealed class GroundednessChecker
{
    // An unpunctuated line with fewer content words is a heading or a signature, not a statement.
    private const int MinUnpunctuatedClaimTerms = 6;
    private const int MaxTermLength = 48;

    private readonly string[] _refusals;

    /// <summary>Creates a checker; options are validated now.</summary>
    /// <param name="options">Thresholds and phrases; defaults when null.</param>
    /// <exception cref="ArgumentException">A value is out of range; the message names it.</exception>
    public GroundednessChecker(GroundednessOptions? options = null)
    {
        Options = options ?? new GroundednessOptions();
        Options.Validate();
        _refusals = [.. Options.RefusalPhrases.Select(Fold)];
    }

    /// <summary>The settings this checker uses.</summary>
    public GroundednessOptions Options { get; }

    /// <summary>Checks <paramref name="answer"/> against the numbered sources of an <see cref="EvidencePrompt"/> conversation.</summary>
    /// <param name="answer">The model's answer.</param>
    /// <param name="prompt">The messages the answer was written for; their sources are <c>[1]</c>, <c>[2]</c>… in order.</param>
    public GroundednessReport CheckAgainstPrompt(string answer, IEnumerable<ChatMessage> prompt)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(prompt);
        return Check(answer, EvidencePrompt.Parse(prompt).Evidence);
    }

    /// <summary>Checks <paramref name="answer"/> against <paramref name="evidence"/>, where <c>evidence[i]</c> is source <c>[i + 1]</c>.</summary>
    /// <param name="answer">The model's answer.</param>
    /// <param name="evidence">The passages, in the order they were numbered in the prompt.</param>
    /// <exception cref="ArgumentException">A passage or one of its fields is null; the message gives its index.</exception>
    public GroundednessReport Check(string answer, IReadOnlyList<EvidencePassage> evidence)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(evidence);
        EvidenceChecks.Validate(evidence);

        EvidenceIndex index = EvidenceIndex.Build(evidence);
        var sentences = new List<SentenceGrounding>();
        var termIds = new List<int>();
        var numberIds = new List<int>();
        var scorer = new SupportScorer(index, evidence, Options);
        List<(TextSpan Span, bool SourceList)> pieces = AnswerSentences.Split(answer);
        Dictionary<int, List<int>>? listed = ReadSourceList(answer, pieces, evidence);
        foreach ((TextSpan span, bool sourceList) in pieces)
        {
            string text = answer.Substring(span.Start, span.Length);
            if (sourceList)
            {
                sentences.Add(new SentenceGrounding(text, span.Start, AnswerSentenceKind.SourceList, []));
                continue;
            }

            List<int> citations = ReadTerms(text, index, termIds, numberIds);
            (int[] ids, int[] counts) = TermVector.Count(termIds);
            var sentence = new SentenceGrounding(text, span.Start, Classify(text, citations.Count, ids.Length), citations);
            scorer.Score(sentence, ids, counts, numberIds, listed is null ? citations : Resolve(citations, listed));
            sentence.IsFlagged = sentence.Kind == AnswerSentenceKind.Claim
                && (!sentence.IsSupported || sentence.CitationSupported == false || (Options.RequireCitations && citations.Count == 0));
            sentences.Add(sentence);
        }

        return new GroundednessReport(sentences);
    }

    // An answer with its own sources list ("[1] Refund policy") numbers its citations by that list, as
    // GroundedChatClient does: map each listed number to the prompt's passages with that source.
    private static Dictionary<int, List<int>>? ReadSourceList(string answer, List<(TextSpan Span, bool SourceList)> pieces, IReadOnlyList<EvidencePassage> evidence)
    {
        int at = pieces.FindIndex(p => p.SourceList);
        if (at < 0)
        {
            return null;
        }

        Dictionary<int, List<int>>? map = null;
        TextSpan list = pieces[at].Span;
        foreach (string line in answer.Substring(list.Start, list.Length).Split('\n'))
        {
            Match entry = RagPatterns.SourceEntry().Match(line);
            if (!entry.Success)
            {
                continue;
            }

            int number = int.Parse(entry.Groups["n"].ValueSpan, CultureInfo.InvariantCulture);
            string named = TextPatterns.Whitespace().Replace(entry.Groups["source"].Value, " ").Trim();
            for (int p = 0; p < evidence.Count; p++)
            {
                string source = TextPatterns.Whitespace().Replace(evidence[p].Source, " ").Trim();
                if (source.Length > 0 && named.StartsWith(source, StringComparison.OrdinalIgnoreCase)
                    && (named.Length == source.Length || !char.IsLetterOrDigit(named[source.Length])))
                {
                    map ??= [];
                    if (!map.TryGetValue(number, out List<int>? passages))
                    {
                        map[number] = passages = [];
                    }

                    passages.Add(p + 1);
                }
            }
        }

        return map;
    }

    private static List<int> Resolve(List<int> citations, Dictionary<int, List<int>> listed)
    {
        var passages = new List<int>();
        foreach (int citation in citations)
        {
            if (listed.TryGetValue(citation, out List<int>? mapped))
            {
                passages.AddRange(mapped);
            }
        }

        return passages;
    }

    // The cited numbers, and the content and number terms of the text between the markers.
    private static List<int> ReadTerms(string text, EvidenceIndex index, List<int> termIds, List<int> numberIds)
    {
        termIds.Clear();
        numberIds.Clear();
        var citations = new List<int>();
        int from = 0;
        for (Match marker = RagPatterns.CitationMarker().Match(text); marker.Success; marker = marker.NextMatch())
        {
            AddSegment(text.AsSpan(from, marker.Index - from), index, termIds, numberIds);
            ReadCitation(text.AsSpan(marker.Index + 1, marker.Length - 2), citations);
            from = marker.Index + marker.Length;
        }

        AddSegment(text.AsSpan(from), index, termIds, numberIds);
        return citations;
    }

    private static void AddSegment(ReadOnlySpan<char> segment, EvidenceIndex index, List<int> termIds, List<int> numberIds)
    {
        index.AddTerms(segment, termIds);

        // Pure numbers ("5", "9.99", "1,5"), read as the tokenizer reads them, so their ids match the evidence's.
        Span<char> buffer = stackalloc char[MaxTermLength];
        int length = 0;
        bool digitsOnly = true;
        for (int i = 0; i <= segment.Length; i++)
        {
            char c = i < segment.Length ? segment[i] : ' ';
            if (TextFolding.IsTermChar(c))
            {
                digitsOnly &= char.IsAsciiDigit(c);
                if (length < MaxTermLength)
                {
                    buffer[length++] = c;
                }

                continue;
            }

            if (c is '.' or ',' && length > 0 && char.IsAsciiDigit(buffer[length - 1]) && i + 1 < segment.Length && char.IsAsciiDigit(segment[i + 1]) && length < MaxTermLength)
            {
                buffer[length++] = '.';
                continue;
            }

            if (length > 0 && digitsOnly)
            {
                numberIds.Add(index.Vocabulary.GetOrAdd(buffer[..length]));
            }

            length = 0;
            digitsOnly = true;
        }
    }

    private static void ReadCitation(ReadOnlySpan<char> inside, List<int> citations)
    {
        int previous = -1;
        bool range = false;
        int i = 0;
        while (i < inside.Length)
        {
            if (char.IsAsciiDigit(inside[i]))
            {
                int start = i;
                while (i < inside.Length && char.IsAsciiDigit(inside[i]))
                {
                    i++;
                }

                int number = int.Parse(inside[start..i], CultureInfo.InvariantCulture);
                int first = range && previous >= 0 && number > previous && number - previous <= 50 ? previous + 1 : number;
                for (int n = first; n <= number; n++)
                {
                    if (!citations.Contains(n))
                    {
                        citations.Add(n);
                    }
                }

                previous = number;
                range = false;
                continue;
            }

            range |= inside[i] is '-' or '–';
            i++;
        }
    }

    private AnswerSentenceKind Classify(string text, int citations, int contentTerms)
    {
        if (citations > 0)
        {
            return AnswerSentenceKind.Claim;
        }

        string folded = Fold(text);
        foreach (string refusal in _refusals)
        {
            if (folded.Contains(refusal, StringComparison.Ordinal))
            {
                return AnswerSentenceKind.Refusal;
            }
        }

        int last = text.Length - 1;
        while (last > 0 && (char.IsWhiteSpace(text[last]) || text[last] is '"' or '\'' or ')' or ']' or '»' or '”' or '’' or '*'))
        {
            last--;
        }

        char end = last >= 0 ? text[last] : '\0';
        if (end is ':' or '?' || contentTerms < Options.MinClaimTerms)
        {
            return AnswerSentenceKind.Framing;
        }

        return end is not ('.' or '!' or '…') && contentTerms < MinUnpunctuatedClaimTerms ? AnswerSentenceKind.Framing : AnswerSentenceKind.Claim;
    }

    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        Span<char> two = stackalloc char[2];
        foreach (char c in text)
        {
            if (c is '’' or '‘')
            {
                folded.Append('\'');
                continue;
            }

            int written = TextFolding.Fold(c, two);
            folded.Append(two[..written]);
        }

        return folded.ToString();
    }
}
