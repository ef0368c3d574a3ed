namespace HybridAI.Classifiers.Data;

/// <summary>
/// A categorical column as integers: each cell's index into <see cref="Levels"/>, −1 for a missing
/// value. Featurising a coded column is array lookups, where category names cost a string hash per cell.
/// </summary>
internal sealed class CategoryCodes
{
    public CategoryCodes(int[] codes, string[] levels)
    {
        Codes = codes;
        Levels = levels;
    }

    /// <summary>One code per row: an index into <see cref="Levels"/>, or −1 (missing).</summary>
    public int[] Codes { get; }

    /// <summary>The distinct category names; a level need not occur in any row (e.g. declared by an ARFF header).</summary>
    public string[] Levels { get; }

    /// <summary>Codes <paramref name="values"/>, levels in order of first appearance.</summary>
    public static CategoryCodes FromNames(ReadOnlySpan<string?> values)
    {
        var codes = new int[values.Length];
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var levels = new List<string>();
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } value)
            {
                codes[i] = -1;
                continue;
            }

            if (!index.TryGetValue(value, out var code))
            {
                code = levels.Count;
                index.Add(value, code);
                levels.Add(value);
            }

            codes[i] = code;
        }

        return new CategoryCodes(codes, [.. levels]);
    }

    /// <summary>The category names, null where missing.</summary>
    public string?[] Names()
    {
        var names = new string?[Codes.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Codes[i] < 0 ? null : Levels[Codes[i]];
        }

        return names;
    }

    /// <summary>The same levels, only the given rows.</summary>
    public CategoryCodes Select(IReadOnlyList<int> rows)
    {
        var picked = new int[rows.Count];
        for (var i = 0; i < picked.Length; i++)
        {
            picked[i] = Codes[rows[i]];
        }

        return new CategoryCodes(picked, Levels);
    }
}
