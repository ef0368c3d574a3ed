namespace HybridAI.Classifiers;

/// <summary>Learns a <see cref="TextClassifier"/> from labelled texts (used by <see cref="CrossValidation"/>).</summary>
public interface ITextClassifierTrainer
{
    /// <summary>Fits the featurizer and the model on <paramref name="examples"/>. Deterministic for the same input.</summary>
    TextClassifier Train(IEnumerable<(string Text, string Label)> examples);
}
