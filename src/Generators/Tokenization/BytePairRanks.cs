namespace HybridAI.Generators.Tokenization;

/// <summary>
/// A byte-level BPE vocabulary in tiktoken's form: each token is a byte string whose id is also its merge rank
/// (lower merges first). Encodes one pre-tokenised piece by repeatedly joining the adjacent pair whose join has the
/// lowest rank, the leftmost on ties, until no adjacent join is a token.
/// </summary>
internal sealed class BytePairRanks
{
    private const int NoRank = int.MaxValue;
    private const int StackParts = 128;

    private readonly Dictionary<byte[], int> _ranks;
    private readonly Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly byte[][] _tokens;

    public BytePairRanks(Dictionary<byte[], int> ranks)
    {
        _ranks = ranks;
        _lookup = ranks.GetAlternateLookup<ReadOnlySpan<byte>>();
        int max = -1;
        foreach (int rank in ranks.Values)
        {
            max = Math.Max(max, rank);
        }

        _tokens = new byte[max + 1][];
        foreach ((byte[] bytes, int rank) in ranks)
        {
            _tokens[rank] = bytes;
        }

        for (int b = 0; b < 256; b++)
        {
            if (!_lookup.ContainsKey([(byte)b]))
            {
                throw new InvalidDataException($"The BPE ranks lack the single byte 0x{b:X2}; every byte must be a token.");
            }
        }
    }

    /// <summary>One more than the highest rank.</summary>
    public int Count => _tokens.Length;

    public int Size => _ranks.Count;

    public bool TryGetRank(ReadOnlySpan<byte> bytes, out int rank) => _lookup.TryGetValue(bytes, out rank);

    /// <summary>The bytes of a token, or null for an id that is not one.</summary>
    public byte[]? BytesOf(int rank) => (uint)rank < (uint)_tokens.Length ? _tokens[rank] : null;

    /// <summary>
    /// Appends the tokens of <paramref name="piece"/> (at least one byte) to <paramref name="output"/>, or only counts
    /// them when it is null; returns how many.
    /// </summary>
    public int Encode(ReadOnlySpan<byte> piece, List<int>? output)
    {
        if (_lookup.TryGetValue(piece, out int whole))
        {
            output?.Add(whole);
            return 1;
        }

        int size = piece.Length + 1;
        int[]? rented = null;
        Span<int> buffer = 2 * size <= StackParts ? stackalloc int[StackParts] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(2 * size));
        Span<int> starts = buffer[..size];
        try
        {
            int parts = Merge(piece, starts, buffer.Slice(size, size));
            for (int i = 0; output is not null && i < parts; i++)
            {
                output.Add(_lookup[piece[starts[i]..starts[i + 1]]]);
            }

            return parts;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }
    }

    // starts[i] is where part i begins (starts[parts] = piece.Length); pairRanks[i] is the rank of joining parts i and i+1.
    // Only the two pairs around a join change, so each round is one scan for the minimum plus two lookups.
    private int Merge(ReadOnlySpan<byte> piece, Span<int> starts, Span<int> pairRanks)
    {
        int parts = piece.Length;
        for (int i = 0; i <= parts; i++)
        {
            starts[i] = i;
        }

        for (int i = 0; i < parts - 1; i++)
        {
            pairRanks[i] = RankOf(piece[i..(i + 2)]);
        }

        while (parts > 1)
        {
            int best = -1, bestRank = NoRank;
            for (int i = 0; i < parts - 1; i++)
            {
                if (pairRanks[i] < bestRank)
                {
                    bestRank = pairRanks[i];
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            // Join parts best and best+1: drop start best+1 and pair rank best+1.
            for (int i = best + 1; i < parts; i++)
            {
                starts[i] = starts[i + 1];
            }

            parts--;
            for (int i = best + 1; i < parts - 1; i++)
            {
                pairRanks[i] = pairRanks[i + 1];
            }

            if (best < parts - 1)
            {
                pairRanks[best] = RankOf(piece[starts[best]..starts[best + 2]]);
            }

            if (best > 0)
            {
                pairRanks[best - 1] = RankOf(piece[starts[best - 1]..starts[best + 1]]);
            }
        }

        return parts;
    }

    private int RankOf(ReadOnlySpan<byte> bytes) => _lookup.TryGetValue(bytes, out int rank) ? rank : NoRank;
}
