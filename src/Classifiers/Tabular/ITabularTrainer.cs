using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>Something that learns a <see cref="TabularClassifier"/> from a labelled table.</summary>
public interface ITabularTrainer
{
    /// <summary>Trains on every row of <paramref name="data"/>, predicting its <see cref="TabularData.LabelColumn"/>.</summary>
    /// <exception cref="TabularDataException">No rows, no label column, fewer than two labels, or an infinite number.</exception>
    TabularClassifier Train(TabularData data);
}
