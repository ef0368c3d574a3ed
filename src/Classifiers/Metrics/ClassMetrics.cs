namespace HybridAI.Classifiers;

/// <summary>Precision, recall and F1 of one label (0 where undefined, e.g. a label never predicted).</summary>
/// <param name="Label">The label.</param>
/// <param name="Precision">Of the items predicted as the label, the share that truly had it.</param>
/// <param name="Recall">Of the items that truly had the label, the share predicted as it.</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">How many items truly had the label.</param>
public sealed record ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);
