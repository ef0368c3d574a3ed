namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Estimates how often a word occurs from its frequency rank alone, because the wink/GloVe file lists words in
/// frequency order but carries no counts. Zipf's law with exponent 1: p(rank r) = 1 / (r · H(N)) for ranks 1..N,
/// where H(N) is the N-th harmonic number, so the estimates sum to 1 over the vocabulary. For English news text this
/// puts "the" near 7.5 % (its measured share is about 6 %), which is as close as SIF's weights need: a/(a + p) only
/// distinguishes "very frequent" (weight near 0) from "rare" (weight near 1).
/// </summary>
internal readonly struct ZipfWordFrequency
{
    private const double EulerGamma = 0.5772156649015329;
    private readonly double _harmonic;

    public ZipfWordFrequency(int vocabularySize)
    {
        double n = vocabularySize;
        _harmonic = Math.Log(n) + EulerGamma + (1 / (2 * n)) - (1 / (12 * n * n));
    }

    /// <summary>Estimated probability of the word at zero-based <paramref name="row"/> (row 0 = the most frequent).</summary>
    public double Probability(int row) => 1.0 / ((row + 1) * _harmonic);

    /// <summary>SIF's weight a / (a + p(w)).</summary>
    public float SifWeight(int row, double a) => (float)(a / (a + Probability(row)));
}
