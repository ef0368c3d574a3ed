namespace HybridAI.Classifiers.Onnx;

/// <summary>How <see cref="OnnxClassifier"/> reads a model: which input takes the feature vector and which outputs hold the answer.</summary>
public sealed record OnnxClassifierOptions
{
    /// <summary>The float [N, D] input; null picks the model's only input.</summary>
    public string? InputName { get; init; }

    /// <summary>The output holding the chosen label per row (string or int64 tensor); null scores by the highest probability.</summary>
    public string? LabelOutput { get; init; } = OnnxExporter.LabelOutput;

    /// <summary>
    /// The output holding the probabilities: a float tensor [N, C] or, as skl2onnx writes with ZipMap, a sequence of
    /// maps (int64 or string key → float), one per row.
    /// </summary>
    public string ProbabilitiesOutput { get; init; } = OnnxExporter.ProbabilitiesOutput;

    /// <summary>
    /// The labels in the order of the probability columns; null reads them from the graph (ZipMap, *Classifier
    /// classlabels or the LabelEncoder that writes <see cref="LabelOutput"/>).
    /// </summary>
    public IReadOnlyList<string>? Labels { get; init; }
}
