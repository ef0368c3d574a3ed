using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Rag;

/// <summary>
/// Finds, for one answer sentence, the evidence that covers most of it: the idf-weighted share of its terms present
/// in one evidence sentence or two adjacent ones of a passage (an answer often joins two facts of one paragraph),
/// joined, when that leaves terms uncovered, by the one other such window that covers most of the rest (a sentence
/// citing <c>[2][3]</c> states one fact of each).
/// </summary>
internal sealed class SupportScorer(EvidenceIndex index, IReadOnlyList<EvidencePassage> evidence, GroundednessOptions options)
{
    private bool[] _present = new bool[16];
    private bool[] _previous = new bool[16];
    private double[] _weights = new double[16];
    private bool[] _isNumber = new bool[16];
    private bool[] _chosen = new bool[16];

    public void Score(SentenceGrounding sentence, int[] ids, int[] counts, List<int> numberIds, IReadOnlyList<int> citedPassages)
    {
        if (ids.Length == 0)
        {
            if (sentence.Citations.Count > 0)
            {
                sentence.CitedSupport = 0;
                sentence.CitationSupported = false;
            }

            return;
        }

        Prepare(ids, counts, numberIds, out double total);
        Match best = Best(ids, total, cited: null);
        sentence.Support = best.Recall;
        if (best.Sentence >= 0 && best.Recall > 0)
        {
            IndexedSentence found = index.Sentences[best.Sentence];
            EvidencePassage passage = evidence[found.Passage];
            sentence.EvidenceNumber = found.Passage + 1;
            sentence.EvidenceId = passage.Id;
            sentence.EvidenceSentence = passage.Text.Substring(found.Span.Start, found.Span.Length);
        }

        sentence.HasUnsupportedNumber = options.CheckNumbers && !best.NumbersFound;
        sentence.IsSupported = IsSupported(best);

        if (sentence.Citations.Count > 0)
        {
            Match cited = Best(ids, total, citedPassages);
            sentence.CitedSupport = cited.Recall;
            sentence.CitationSupported = cited.Sentence >= 0 && IsSupported(cited);
        }
    }

    private bool IsSupported(Match match) => match.Sentence >= 0 && match.Recall >= options.MinSupport && (match.NumbersFound || !options.CheckNumbers);

    private void Prepare(int[] ids, int[] counts, List<int> numberIds, out double total)
    {
        if (_weights.Length < ids.Length)
        {
            int size = Math.Max(ids.Length, _weights.Length * 2);
            _present = new bool[size];
            _previous = new bool[size];
            _weights = new double[size];
            _isNumber = new bool[size];
            _chosen = new bool[size];
        }

        total = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            _weights[i] = (1 + Math.Log(counts[i])) * index.Idf(ids[i]);
            _isNumber[i] = numberIds.Contains(ids[i]);
            total += _weights[i];
        }
    }

    // The best window, then, for a sentence that joins facts from two places, the window that best covers the rest.
    private Match Best(int[] ids, double total, IReadOnlyList<int>? cited)
    {
        Match best = BestWindow(ids, total, cited, withChosen: false);
        if (best.Sentence < 0 || best.Recall >= 1)
        {
            return best;
        }

        Array.Clear(_chosen);
        for (int s = best.First; s <= best.Last; s++)
        {
            Mark(ids, index.Sentences[s].Ids, _present);
            for (int i = 0; i < ids.Length; i++)
            {
                _chosen[i] |= _present[i];
            }
        }

        Match joined = BestWindow(ids, total, cited, withChosen: true);
        return joined.Sentence >= 0 && joined.Recall > best.Recall
            ? best with { Recall = joined.Recall, NumbersFound = joined.NumbersFound }
            : best;
    }

    // Supported windows beat unsupported ones, then higher share; ties keep the earlier passage and sentence.
    private Match BestWindow(int[] ids, double total, IReadOnlyList<int>? cited, bool withChosen)
    {
        Match best = new(-1, 0, NumbersFound: false, -1, -1);
        for (int p = 0; p < evidence.Count; p++)
        {
            if (cited is not null && !cited.Contains(p + 1))
            {
                continue;
            }

            double previousShare = 0;
            for (int s = index.PassageStarts[p]; s < index.PassageStarts[p + 1]; s++)
            {
                Mark(ids, index.Sentences[s].Ids, _present);
                (double share, bool numbers) = Cover(ids.Length, total, alsoPrevious: false, withChosen);
                best = Better(best, new Match(s, share, numbers, s, s));
                if (s > index.PassageStarts[p])
                {
                    (double pairShare, bool pairNumbers) = Cover(ids.Length, total, alsoPrevious: true, withChosen);
                    best = Better(best, new Match(share >= previousShare ? s : s - 1, pairShare, pairNumbers, s - 1, s));
                }

                (_present, _previous) = (_previous, _present);
                previousShare = share;
            }
        }

        return best;
    }

    private Match Better(Match current, Match candidate)
    {
        bool currentSupported = IsSupported(current), candidateSupported = IsSupported(candidate);
        if (candidateSupported != currentSupported)
        {
            return candidateSupported ? candidate : current;
        }

        return candidate.Recall > current.Recall || (current.Sentence < 0 && candidate.Recall >= current.Recall) ? candidate : current;
    }

    private (double Share, bool NumbersFound) Cover(int terms, double total, bool alsoPrevious, bool withChosen)
    {
        double covered = 0;
        bool numbers = true;
        for (int i = 0; i < terms; i++)
        {
            bool present = _present[i] || (alsoPrevious && _previous[i]) || (withChosen && _chosen[i]);
            if (present)
            {
                covered += _weights[i];
            }
            else if (_isNumber[i])
            {
                numbers = false;
            }
        }

        return (total > 0 ? covered / total : 0, numbers);
    }

    // Which of the answer's terms (ascending ids) the evidence sentence's terms (ascending ids) hold.
    private static void Mark(int[] ids, int[] evidenceIds, bool[] present)
    {
        int i = 0, j = 0;
        while (i < ids.Length)
        {
            while (j < evidenceIds.Length && evidenceIds[j] < ids[i])
            {
                j++;
            }

            present[i] = j < evidenceIds.Length && evidenceIds[j] == ids[i];
            i++;
        }
    }

    private readonly record struct Match(int Sentence, double Recall, bool NumbersFound, int First, int Last);
}
