namespace HybridAI.Classifiers;

/// <summary>Counts of (expected, predicted) label pairs; rows are expected labels, columns predicted ones.</summary>
public sealed class ConfusionMatrix
{
    private readonly int[] _counts;
    private readonly Dictionary<string, int> _index;

    internal ConfusionMatrix(IReadOnlyList<string> labels, int[] counts, Dictionary<string, int> index)
    {
        Labels = labels;
        _counts = counts;
        _index = index;
    }

    /// <summary>The labels, in row and column order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>How many items with label number <paramref name="expected"/> were predicted as label number <paramref name="predicted"/>.</summary>
    public int this[int expected, int predicted]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(expected);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(expected, Labels.Count);
            ArgumentOutOfRangeException.ThrowIfNegative(predicted);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predicted, Labels.Count);
            return _counts[(expected * Labels.Count) + predicted];
        }
    }

    /// <summary>How many items labelled <paramref name="expected"/> were predicted as <paramref name="predicted"/>.</summary>
    public int Count(string expected, string predicted) => this[IndexOf(expected, nameof(expected)), IndexOf(predicted, nameof(predicted))];

    private int IndexOf(string label, string parameter) =>
        _index.TryGetValue(label, out var i) ? i : throw new ArgumentException($"'{label}' is not one of the matrix labels.", parameter);
}
