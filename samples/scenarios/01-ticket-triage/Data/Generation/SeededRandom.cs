namespace HybridAI.Scenarios.TicketTriage.Data.Generation;

/// <summary>
/// SplitMix64: a tiny PRNG whose output is fixed by its definition, unlike seeded
/// <see cref="System.Random"/>, whose algorithm may change between .NET versions.
/// The committed data files depend on this sequence never changing.
/// </summary>
internal sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>A generator for one named sub-stream, so adding tickets never reshuffles the articles.</summary>
    public static SeededRandom For(int seed, ulong stream, ulong index = 0)
    {
        var mixer = new SeededRandom(((ulong)(uint)seed << 32) ^ (stream * 0xD1B54A32D192ED03UL) ^ (index * 0x9E3779B97F4A7C15UL));
        return new SeededRandom(mixer.NextUInt64());
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform integer in [0, maxExclusive), by multiply-high (no modulo bias worth noticing).</summary>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        return (int)Math.BigMul(NextUInt64(), (ulong)maxExclusive, out _);
    }

    public int Next(int minInclusive, int maxExclusive) => minInclusive + Next(maxExclusive - minInclusive);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
