using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// Checks a whole table before it is cut into folds, so errors name rows of the table the caller
/// gave rather than rows of some fold.
/// </summary>
internal static class TrainingDataCheck
{
    /// <exception cref="TabularDataException">No rows, no label column, a row without label, one label only, or an infinite number.</exception>
    public static void Run(TabularData data)
    {
        TabularTargets.From(data, ClassWeighting.None, null);
        TabularFeaturizer.Fit(data);
    }
}
