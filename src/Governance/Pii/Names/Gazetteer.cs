using System.Buffers;
using System.Reflection;

namespace HybridAI.Governance.Pii.Names;

/// <summary>The lists a word sequence can belong to (one bit each).</summary>
[Flags]
internal enum GazetteerKinds : ushort
{
    None = 0,
    FirstName = 1,
    LastName = 2,
    Company = 4,
    City = 8,
    State = 16,
    Country = 32,
    Street = 64,
    /// <summary>Not a list: marks a token sequence that starts a longer entry, so lookups stop as soon as none can match.</summary>
    Prefix = 0x8000,
}

/// <summary>
/// Names, companies and places from @faker-js/faker locale data (the training split, see eng/pii-data), keyed by the
/// hash of their folded token sequence, so "jean-pierre", "Jean-Pierre" and "JEAN-PIERRE" look up the same entry and a
/// multi-word entry ("Le Goff", "Saint-Étienne", "Rohan, Koss and Ortiz") is found without building strings.
/// </summary>
internal sealed class Gazetteer
{
    /// <summary>Entries longer than this many tokens are not kept.</summary>
    public const int MaxTokens = 8;

    private readonly Dictionary<ulong, GazetteerKinds> _entries;

    private Gazetteer(Dictionary<ulong, GazetteerKinds> entries, int longest)
    {
        _entries = entries;
        Longest = longest;
    }

    /// <summary>The built-in lists, loaded once from the embedded resources.</summary>
    public static Gazetteer Default => LazyDefault.Value;

    private static readonly Lazy<Gazetteer> LazyDefault = new(LoadDefault);

    /// <summary>The longest entry, in tokens.</summary>
    public int Longest { get; }

    /// <summary>The number of distinct token sequences stored (entries and their leading parts).</summary>
    public int Count => _entries.Count;

    /// <summary>The resource file of each list, as written by eng/pii-data/export-faker.mjs.</summary>
    public static readonly (string File, GazetteerKinds Kind)[] Files =
    [
        ("first-names.txt", GazetteerKinds.FirstName), ("last-names.txt", GazetteerKinds.LastName),
        ("companies.txt", GazetteerKinds.Company), ("cities.txt", GazetteerKinds.City), ("states.txt", GazetteerKinds.State),
        ("countries.txt", GazetteerKinds.Country), ("streets.txt", GazetteerKinds.Street),
    ];

    /// <summary>Builds a gazetteer from values per kind (tests and tools).</summary>
    public static Gazetteer Create(IEnumerable<(string Value, GazetteerKinds Kind)> values)
    {
        var entries = new Dictionary<ulong, GazetteerKinds>();
        var longest = 1;
        var tokens = ArrayPool<NameToken>.Shared.Rent(16);
        try
        {
            foreach (var (value, kind) in values)
            {
                var n = NameTokenizer.Tokenize(value, ref tokens);
                if (n is 0 or > MaxTokens)
                    continue;
                var h = Folding.Seed;
                for (var k = 0; k < n; k++)
                {
                    h = Folding.Append(h, Folding.Hash(value.AsSpan(tokens[k].Start, tokens[k].Length)));
                    var mark = k == n - 1 ? kind : GazetteerKinds.Prefix;
                    entries[h] = entries.GetValueOrDefault(h) | mark;
                }
                longest = Math.Max(longest, n);
            }
        }
        finally
        {
            ArrayPool<NameToken>.Shared.Return(tokens);
        }
        return new Gazetteer(entries, longest);
    }

    /// <summary>The kinds the folded token sequence with this hash belongs to, with <see cref="GazetteerKinds.Prefix"/> when it starts a longer entry.</summary>
    public GazetteerKinds Lookup(ulong sequenceHash) => _entries.GetValueOrDefault(sequenceHash);

    /// <summary>The kinds of the tokens <paramref name="tokens"/> taken together.</summary>
    public GazetteerKinds Lookup(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens) =>
        Lookup(SequenceHash(text, tokens)) & ~GazetteerKinds.Prefix;

    /// <summary>The hash a token sequence is stored under: each token's folded hash, appended in order.</summary>
    public static ulong SequenceHash(ReadOnlySpan<char> text, ReadOnlySpan<NameToken> tokens)
    {
        var h = Folding.Seed;
        foreach (var t in tokens)
            h = Folding.Append(h, Folding.Hash(text.Slice(t.Start, t.Length)));
        return h;
    }

    /// <summary>The values of one embedded list (comment lines skipped).</summary>
    public static IEnumerable<string> ReadList(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("HybridAI.Governance.Pii.Names.Gazetteers." + file)
            ?? throw new InvalidOperationException($"The embedded gazetteer '{file}' is missing from HybridAI.Governance.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
                yield return line;
        }
    }

    private static Gazetteer LoadDefault() =>
        Create(Files.SelectMany(f => ReadList(f.File).Select(v => (v, f.Kind))));
}
