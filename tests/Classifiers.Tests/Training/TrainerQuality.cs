namespace HybridAI.Classifiers.Tests.Training;

/// <summary>Scores a trained model on the held-out tickets.</summary>
internal static class TrainerQuality
{
    public static (ClassificationMetrics Model, ClassificationMetrics Baseline) OnHeldOut(TextClassifier model)
    {
        var expected = TicketData.LabelsOf(TicketData.HeldOut);
        var predicted = TicketData.HeldOut.Select(t => model.Classify(t.Text).Label).ToArray();
        var metrics = ClassificationMetrics.Compute(expected, predicted, TicketData.Labels);
        var baseline = ClassificationMetrics.MajorityBaseline(TicketData.LabelsOf(TicketData.Training), expected, TicketData.Labels);
        return (metrics, baseline);
    }

    /// <summary>
    /// Whether the explanation leans on the given words: some top feature is one of them, or a
    /// character n-gram (3+ letters) taken from one of them, rather than filler like "de" or "my".
    /// </summary>
    public static bool PointsAt(Abstractions.Classification.Classification c, params string[] indicativeWords) =>
        c.TopFeatures.Any(f =>
        {
            var text = f.Feature[(f.Feature.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            return text.Length >= 3 && indicativeWords.Any(w => w.Contains(text, StringComparison.Ordinal));
        });
}
