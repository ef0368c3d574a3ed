using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Tests.Tabular;

public sealed class ScoringAllocationTests
{
    public static TheoryData<string> Trainers => ["lr", "gbdt"];

    [Theory]
    [MemberData(nameof(Trainers))]
    public void Scoring_featurized_rows_allocates_nothing(string name)
    {
        var data = SyntheticLoans.Make(300, seed: 51);
        var model = name == "lr" ? new TabularLogisticRegressionTrainer().Train(data) : new GradientBoostingTrainer().Train(data);
        var matrix = model.Featurizer.Transform(data);
        var d = model.Featurizer.Dimension;
        var probabilities = new double[2];
        model.Probabilities(matrix.AsSpan(0, d), probabilities);

        var before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            model.Probabilities(matrix.AsSpan(i * d, d), probabilities);
            sum += probabilities[1];
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.InRange(sum / data.RowCount, 0.05, 0.95);
    }
}
