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

    /// <summary>Writes this column's features for one value; <paramref name="features"/> is the whole row, already zeroed.</summary>
    public void WriteNumber(double value, Span<double> features, int row)
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
                features[Offset + 1] = 1;
            }
        }

        features[Offset] = (value - Center) / Scale;
    }

    public void WriteCategory(string? value, Span<double> features)
    {
        if (value is null)
        {
            if (MissingFeature)
            {
                features[Offset + Categories.Length] = 1;
            }

            return;
        }

        // A category never seen in training leaves the whole block at zero: the model treats it as "none of the known ones".
        if (CategoryIndex.TryGetValue(value, out var c))
        {
            features[Offset + c] = 1;
        }
    }
}
