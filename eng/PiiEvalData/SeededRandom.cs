namespace HybridAI.PiiEvalData;

/// <summary>
/// SplitMix64, whose sequence is fixed by its definition (unlike seeded <see cref="Random"/>, whose algorithm may
/// change between .NET versions): the committed evaluation set depends on it never changing.
/// </summary>
public sealed class SeededRandom
{
    private ulong _state;

    public SeededRandom(ulong seed) => _state = seed;

    /// <summary>An independent stream per record, so inserting a template never reshuffles every other record.</summary>
    public static SeededRandom For(int seed, ulong stream, ulong index)
    {
        var mixer = new SeededRandom(((ulong)(uint)seed << 32) ^ (stream * 0xA0761D6478BD642FUL) ^ (index * 0xE7037ED1A0B428DBUL));
        return new SeededRandom(mixer.NextUInt64());
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, max).</summary>
    public int Next(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return (int)Math.BigMul(NextUInt64(), (ulong)max, out _);
    }

    /// <summary>Uniform in [min, max).</summary>
    public int Next(int min, int max) => min + Next(max - min);

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>A string of <paramref name="count"/> random decimal digits.</summary>
    public string Digits(int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
            chars[i] = (char)('0' + Next(10));
        return new string(chars);
    }
}
