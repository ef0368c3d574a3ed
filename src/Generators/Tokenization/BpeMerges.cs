namespace HybridAI.Generators.Tokenization;

/// <summary>
/// A Hugging Face BPE model's merge table over token ids: the pair (left, right) joins into one token, and the pair
/// listed earliest joins first (leftmost on ties), until no adjacent pair is listed.
/// </summary>
internal sealed class BpeMerges
{
    private readonly Dictionary<long, (int Rank, int Merged)> _pairs;

    public BpeMerges(Dictionary<string, int> vocabulary, List<(string Left, string Right)> merges, string path)
    {
        _pairs = new Dictionary<long, (int, int)>(merges.Count);
        for (int rank = 0; rank < merges.Count; rank++)
        {
            (string left, string right) = merges[rank];
            if (!vocabulary.TryGetValue(left, out int a) || !vocabulary.TryGetValue(right, out int b) || !vocabulary.TryGetValue(left + right, out int merged))
            {
                throw new InvalidDataException($"'{path}': merge {rank} joins tokens that are not all in the vocabulary.");
            }

            _pairs.TryAdd(Key(a, b), (rank, merged));
        }
    }

    /// <summary>Merges <paramref name="ids"/> in place; returns how many remain.</summary>
    public int Merge(Span<int> ids)
    {
        int count = ids.Length;
        while (count > 1)
        {
            int best = -1, bestRank = int.MaxValue, bestMerged = 0;
            for (int i = 0; i < count - 1; i++)
            {
                if (_pairs.TryGetValue(Key(ids[i], ids[i + 1]), out (int Rank, int Merged) pair) && pair.Rank < bestRank)
                {
                    (best, bestRank, bestMerged) = (i, pair.Rank, pair.Merged);
                }
            }

            if (best < 0)
            {
                break;
            }

            ids[best] = bestMerged;
            ids[(best + 2)..count].CopyTo(ids[(best + 1)..]);
            count--;
        }

        return count;
    }

    private static long Key(int left, int right) => ((long)left << 32) | (uint)right;
}
