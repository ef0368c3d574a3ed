using HybridAI.Classifiers.Anomaly;
using HybridAI.Classifiers.Tests.Data;

namespace HybridAI.Classifiers.Tests.Anomaly;

public sealed class GermanCreditAnomalyTests
{
    [GermanCreditFact]
    public void Fits_and_scores_every_row()
    {
        var credit = GermanCredit.Load();
        var forest = new IsolationForestTrainer(new IsolationForestOptions { ContaminationForThreshold = 0.05 }).Train(credit);

        var scores = forest.ScoreAll(credit);
        Assert.Equal(1000, scores.Length);
        Assert.All(scores, s => Assert.InRange(s, double.Epsilon, 1 - 1e-12));
        Assert.True(scores.Max() > scores.Min(), "scores should vary across applicants");
        var flagged = Enumerable.Range(0, credit.RowCount).Count(i => forest.IsAnomaly(credit.Row(i)));
        Assert.InRange(flagged, 50, 60);
    }
}
