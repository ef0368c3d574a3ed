namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// The model inputs for a batch of tokenized texts, padded with [PAD] to a common length: ids, an attention mask that
/// is 1 on real tokens, and all-zero token types (one segment).
/// </summary>
internal sealed class SentenceBatch
{
    private SentenceBatch(int rows, int length)
    {
        Rows = rows;
        Length = length;
        Ids = new long[rows * length];
        Mask = new long[rows * length];
        TokenTypes = new long[rows * length];
    }

    /// <summary>Rows fed to the model (at least the number of texts; more when the graph fixes its batch size).</summary>
    public int Rows { get; }

    /// <summary>Tokens per row.</summary>
    public int Length { get; }

    public long[] Ids { get; }

    public long[] Mask { get; }

    public long[] TokenTypes { get; }

    /// <summary>Rows for <paramref name="sequences"/>, padded to <paramref name="length"/> (or the longest when null) and to <paramref name="rows"/> rows.</summary>
    public static SentenceBatch Create(IReadOnlyList<int[]> sequences, int padId, int? length, int? rows)
    {
        int longest = 0;
        foreach (int[] sequence in sequences)
        {
            longest = Math.Max(longest, sequence.Length);
        }

        var batch = new SentenceBatch(Math.Max(rows ?? 0, sequences.Count), length ?? longest);
        batch.Ids.AsSpan().Fill(padId);
        for (int r = 0; r < batch.Rows; r++)
        {
            // Rows beyond the texts (a graph with a fixed batch size) repeat the first text; their output is not read.
            int[] sequence = sequences[r < sequences.Count ? r : 0];
            for (int t = 0; t < sequence.Length; t++)
            {
                batch.Ids[(r * batch.Length) + t] = sequence[t];
                batch.Mask[(r * batch.Length) + t] = 1;
            }
        }

        return batch;
    }

    /// <summary>One row's attention mask.</summary>
    public ReadOnlySpan<long> MaskOf(int row) => Mask.AsSpan(row * Length, Length);
}
