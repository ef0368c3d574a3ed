using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>The labels of a training table as class indices (labels in ordinal order) with per-row weights.</summary>
internal sealed class TabularTargets
{
    private TabularTargets(string[] labels, int[] targets, double[] weights)
    {
        Labels = labels;
        Targets = targets;
        Weights = weights;
    }

    public string[] Labels { get; }

    public int[] Targets { get; }

    public double[] Weights { get; }

    /// <exception cref="TabularDataException">No rows, no label column, a row without label, or fewer than two labels.</exception>
    public static TabularTargets From(TabularData data, ClassWeighting weighting, IReadOnlyDictionary<string, double>? classWeights)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.RowCount == 0)
        {
            throw new TabularDataException("the training table has no rows.");
        }

        var rowLabels = data.Labels();
        var labels = new SortedSet<string>(rowLabels, StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new TabularDataException($"training needs at least two distinct labels but the label column has {labels.Length}.", null, null, data.LabelColumn);
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < labels.Length; k++)
        {
            index[labels[k]] = k;
        }

        var targets = new int[rowLabels.Length];
        var perClass = new int[labels.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            targets[i] = index[rowLabels[i]];
            perClass[targets[i]]++;
        }

        TrainingSet.ValidateClassWeights(weighting, classWeights);
        var classWeight = TrainingSet.ClassWeightsFor(labels, perClass, targets.Length, weighting, classWeights);
        var weights = new double[targets.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = classWeight[targets[i]];
        }

        return new TabularTargets(labels, targets, weights);
    }
}
