namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// A row-major feature matrix repacked as sparse rows (one-hot blocks are mostly zeros), so the
/// tabular logistic regression runs on the same <see cref="SoftmaxObjective"/> as the text one.
/// </summary>
internal sealed class DenseDesign : ISparseDesign
{
    public DenseDesign(double[] matrix, int dimension, TabularTargets targets, int classCount)
    {
        var rows = targets.Targets.Length;
        var nonZeros = 0;
        foreach (var v in matrix)
        {
            if (v != 0)
            {
                nonZeros++;
            }
        }

        RowStart = new int[rows + 1];
        Columns = new int[nonZeros];
        Values = new double[nonZeros];
        var at = 0;
        for (var i = 0; i < rows; i++)
        {
            RowStart[i] = at;
            var row = matrix.AsSpan(i * dimension, dimension);
            for (var j = 0; j < dimension; j++)
            {
                if (row[j] != 0)
                {
                    Columns[at] = j;
                    Values[at++] = row[j];
                }
            }
        }

        RowStart[rows] = at;
        FeatureCount = dimension;
        ClassCount = classCount;
        Targets = targets.Targets;
        SampleWeights = targets.Weights;
    }

    public int Count => Targets.Length;

    public int ClassCount { get; }

    public int FeatureCount { get; }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public double[] Values { get; }

    public int[] Targets { get; }

    public double[] SampleWeights { get; }
}
