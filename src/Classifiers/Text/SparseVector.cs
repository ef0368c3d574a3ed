namespace HybridAI.Classifiers;

/// <summary>
/// A sparse feature vector: the non-zero entries of a <see cref="TextFeaturizer"/> output,
/// with strictly increasing indices.
/// </summary>
public sealed class SparseVector
{
    private readonly int[] _indices;
    private readonly double[] _values;

    /// <summary>Creates a vector from parallel arrays; <paramref name="indices"/> must be strictly increasing and within <paramref name="dimension"/>.</summary>
    /// <param name="dimension">The size of the feature space.</param>
    /// <param name="indices">Indices of the non-zero entries, strictly increasing.</param>
    /// <param name="values">Values of the entries, one per index.</param>
    public SparseVector(int dimension, int[] indices, double[] values)
    {
        ArgumentNullException.ThrowIfNull(indices);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfNegative(dimension);
        if (indices.Length != values.Length)
        {
            throw new ArgumentException($"indices has {indices.Length} entries but values has {values.Length}.", nameof(values));
        }

        for (var i = 0; i < indices.Length; i++)
        {
            if (indices[i] < 0 || indices[i] >= dimension)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"indices[{i}] = {indices[i]} is outside [0, {dimension}).");
            }

            if (i > 0 && indices[i] <= indices[i - 1])
            {
                throw new ArgumentException($"indices must be strictly increasing; indices[{i}] = {indices[i]} follows {indices[i - 1]}.", nameof(indices));
            }
        }

        Dimension = dimension;
        _indices = indices;
        _values = values;
    }

    // Trusted path for the featurizer: its output is sorted and in range by construction.
    private SparseVector(int dimension, int[] indices, double[] values, bool trusted)
    {
        _ = trusted;
        Dimension = dimension;
        _indices = indices;
        _values = values;
    }

    /// <summary>The size of the feature space the indices live in.</summary>
    public int Dimension { get; }

    /// <summary>How many entries are non-zero.</summary>
    public int Count => _indices.Length;

    /// <summary>Indices of the non-zero entries, strictly increasing.</summary>
    public ReadOnlySpan<int> Indices => _indices;

    /// <summary>Values of the non-zero entries, aligned with <see cref="Indices"/>.</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The Euclidean norm of the vector.</summary>
    public double Norm()
    {
        double sum = 0;
        foreach (var v in _values)
        {
            sum += v * v;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>The value at <paramref name="index"/> (0 when the entry is not stored).</summary>
    public double this[int index]
    {
        get
        {
            var at = Array.BinarySearch(_indices, index);
            return at >= 0 ? _values[at] : 0d;
        }
    }

    internal static SparseVector FromSorted(int dimension, int[] indices, double[] values) => new(dimension, indices, values, trusted: true);
}
