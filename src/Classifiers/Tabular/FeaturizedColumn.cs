using System.Numerics;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// How one input column becomes features: a numeric column is (x − center) / scale at
/// <see cref="Offset"/>, a missing value counting as the training mean (plus a missing flag at Offset + 1); a categorical one is a one-hot block of
/// its training categories (plus "?missing" last when training had missing values).
/// </summary>
internal sealed class FeaturizedColumn
{
    public FeaturizedColumn(string name, TabularColumnKind kind, int offset, double mean, double center, double scale, bool missingFeature, string[] categories)
    {
        Name = name;
        Kind = kind;
        Offset = offset;
        Mean = mean;
        Center = center;
        Scale = scale;
        MissingFeature = missingFeature;
        Categories = categories;
        CategoryIndex = new Dictionary<string, int>(categories.Length, StringComparer.Ordinal);
        for (var i = 0; i < categories.Length; i++)
        {
            CategoryIndex[categories[i]] = i;
        }
    }

    public string Name { get; }

    public TabularColumnKind Kind { get; }

    public int Offset { get; }

    public double Mean { get; }

    /// <summary>Subtracted before scaling: the training mean when standardising, else 0 (raw values).</summary>
    public double Center { get; }

    public double Scale { get; }

    /// <summary>Whether a "?missing" feature follows the column's value (numeric) or categories (categorical).</summary>
    public bool MissingFeature { get; }

    public string[] Categories { get; }

    public Dictionary<string, int> CategoryIndex { get; }

    public int Width => Kind == TabularColumnKind.Numeric
        ? 1 + (MissingFeature ? 1 : 0)
        : Categories.Length + (MissingFeature ? 1 : 0);

    public string MissingName => $"{Name}=?missing";

    /// <summary>Where the missing flag goes in a row, or −1 when the column has none.</summary>
    public int MissingPosition => MissingFeature ? Offset + (Kind == TabularColumnKind.Numeric ? 1 : Categories.Length) : -1;

    /// <summary>
    /// Writes this column's features for one value; <paramref name="features"/> is the whole row, already zeroed.
    /// Each feature is computed in double and then rounded to <typeparamref name="T"/>, so a float32 row holds
    /// exactly <c>(float)</c> of the double one.
    /// </summary>
    public void WriteNumber<T>(double value, Span<T> features, int row)
        where T : INumberBase<T>
    {
        if (double.IsInfinity(value))
        {
            throw new TabularDataException($"row {row} holds an infinite number; use NaN (missing) or a finite value.", null, null, Name);
        }

        if (double.IsNaN(value))
        {
            // The training mean: after standardising that is 0, no pull either way.
            value = Mean;
            if (MissingFeature)
            {
                features[Offset + 1] = T.One;
            }
        }

        features[Offset] = T.CreateTruncating((value - Center) / Scale);
    }

    public void WriteCategory<T>(string? value, Span<T> features)
        where T : INumberBase<T>
    {
        var position = value is null ? MissingPosition : PositionOf(value);
        if (position >= 0)
        {
            features[position] = T.One;
        }
    }

    /// <summary>
    /// Where each of <paramref name="levels"/> sets its 1 in a row, −1 for a level not seen in training:
    /// that leaves the whole block at zero, "none of the known ones" — never an exception.
    /// </summary>
    public int[] PositionsOf(IReadOnlyList<string> levels)
    {
        var positions = new int[levels.Count];
        for (var l = 0; l < positions.Length; l++)
        {
            positions[l] = PositionOf(levels[l]);
        }

        return positions;
    }

    private int PositionOf(string value) => CategoryIndex.TryGetValue(value, out var c) ? Offset + c : -1;
}
