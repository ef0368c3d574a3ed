using HybridAI.Classifiers.Anomaly;
using HybridAI.Classifiers.Data;

using Xunit.Abstractions;

namespace HybridAI.Classifiers.Tests.Anomaly;

public sealed class IsolationForestTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Planted_outliers_score_above_the_95th_percentile_of_inliers(int seed)
    {
        var planted = PlantedOutliers.Make(500, 10, seed);
        var forest = new IsolationForestTrainer(new IsolationForestOptions { Seed = seed }).Train(planted.Data);
        var scores = forest.ScoreAll(planted.Data);

        var inlierScores = scores.Where((_, i) => !planted.IsOutlier[i]).Order().ToArray();
        var p95 = inlierScores[(int)(0.95 * inlierScores.Length)];
        for (var i = 0; i < scores.Length; i++)
        {
            if (planted.IsOutlier[i])
            {
                Assert.True(scores[i] > p95, $"outlier row {i} scores {scores[i]:F4}, not above the inliers' 95th percentile {p95:F4}");
            }
        }

        var auc = BinaryMetrics.RocAuc(planted.IsOutlier, scores);
        output.WriteLine($"seed {seed}: AUC {auc:F4}, lowest outlier {scores.Where((_, i) => planted.IsOutlier[i]).Min():F4}, inlier p95 {p95:F4}, inlier median {inlierScores[inlierScores.Length / 2]:F4}");
        Assert.True(auc >= 0.95);
    }

    [Fact]
    public void Scores_lie_strictly_between_zero_and_one_even_far_away()
    {
        var planted = PlantedOutliers.Make(300, 5, seed: 4);
        var forest = new IsolationForestTrainer().Train(planted.Data);
        foreach (var score in forest.ScoreAll(planted.Data))
        {
            Assert.InRange(score, double.Epsilon, 1 - 1e-12);
        }

        var far = forest.Score(Row(1e6, -1e6));
        var centre = forest.Score(Row(0, 0));
        Assert.InRange(far, double.Epsilon, 1 - 1e-12);
        Assert.True(far > 0.6 && centre < 0.5, $"far {far:F3}, centre {centre:F3}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_scores_and_another_seed_different_ones()
    {
        var planted = PlantedOutliers.Make(300, 5, seed: 5);
        var first = new IsolationForestTrainer(new IsolationForestOptions { Seed = 9 }).Train(planted.Data).ScoreAll(planted.Data);
        var again = new IsolationForestTrainer(new IsolationForestOptions { Seed = 9 }).Train(planted.Data).ScoreAll(planted.Data);
        var other = new IsolationForestTrainer(new IsolationForestOptions { Seed = 10 }).Train(planted.Data).ScoreAll(planted.Data);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Row_float_vector_and_table_scores_agree()
    {
        var planted = PlantedOutliers.Make(200, 4, seed: 6);
        var forest = new IsolationForestTrainer().Train(planted.Data);
        var all = forest.ScoreAll(planted.Data);
        var features = new double[forest.Dimension];
        var floats = new float[forest.Dimension];
        for (var i = 0; i < planted.Data.RowCount; i++)
        {
            forest.Featurizer.Transform(planted.Data.Row(i), features);
            for (var j = 0; j < features.Length; j++)
            {
                floats[j] = (float)features[j];
            }

            Assert.Equal(all[i], forest.Score(planted.Data.Row(i)));
            Assert.Equal(all[i], forest.Score(floats));
        }
    }

    [Fact]
    public void Contamination_sets_a_threshold_that_flags_about_that_share()
    {
        var planted = PlantedOutliers.Make(490, 10, seed: 7);
        var forest = new IsolationForestTrainer(new IsolationForestOptions { ContaminationForThreshold = 0.02 }).Train(planted.Data);

        Assert.NotNull(forest.Threshold);
        var flagged = Enumerable.Range(0, planted.Data.RowCount).Where(i => forest.IsAnomaly(planted.Data.Row(i))).ToArray();
        Assert.InRange(flagged.Length, 10, 12);
        Assert.All(Enumerable.Range(0, planted.Data.RowCount).Where(i => planted.IsOutlier[i]), i => Assert.Contains(i, flagged));
    }

    [Fact]
    public void Is_anomaly_without_a_threshold_explains_how_to_get_one()
    {
        var planted = PlantedOutliers.Make(100, 2, seed: 8);
        var forest = new IsolationForestTrainer().Train(planted.Data);

        var error = Assert.Throws<InvalidOperationException>(() => forest.IsAnomaly(planted.Data.Row(0)));
        Assert.Contains("ContaminationForThreshold", error.Message, StringComparison.Ordinal);
        Assert.True(forest.WithThreshold(0.99).IsAnomaly(planted.Data.Row(0)) is false);
        Assert.Throws<ArgumentOutOfRangeException>(() => forest.WithThreshold(1.5));
    }

    [Theory]
    [InlineData(50, 256, null, 6)]
    [InlineData(1000, 256, null, 8)]
    [InlineData(1000, 256, 3, 3)]
    public void Trees_use_at_most_the_sample_size_and_max_depth(int rows, int sampleSize, int? maxDepth, int expectedDepth)
    {
        var planted = PlantedOutliers.Make(rows - 2, 2, seed: 9);
        var forest = new IsolationForestTrainer(new IsolationForestOptions { Trees = 20, SampleSize = sampleSize, MaxDepth = maxDepth }).Train(planted.Data);

        Assert.Equal(Math.Min(rows, sampleSize), forest.SampleSize);
        Assert.Equal(expectedDepth, forest.MaxDepth);
        Assert.Equal(20, forest.TreeCount);
        foreach (var root in forest.Roots)
        {
            Assert.True(Depth(forest, root) <= expectedDepth);
        }
    }

    [Fact]
    public void Scoring_allocates_nothing()
    {
        var planted = PlantedOutliers.Make(300, 5, seed: 10);
        var forest = new IsolationForestTrainer().Train(planted.Data);
        var floats = new float[forest.Dimension];
        var row = planted.Data.Row(3);
        forest.Score(floats);
        forest.Score(row);

        var before = GC.GetAllocatedBytesForCurrentThread();
        double sum = 0;
        for (var i = 0; i < 100; i++)
        {
            floats[0] = i * 0.1f;
            sum += forest.Score(floats) + forest.Score(row);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.InRange(sum, 0.01, 200);
    }

    [Fact]
    public void A_vector_of_the_wrong_length_is_rejected()
    {
        var forest = new IsolationForestTrainer().Train(PlantedOutliers.Make(50, 2, seed: 11).Data);
        var error = Assert.Throws<ArgumentException>(() => forest.Score(new float[forest.Dimension + 1]));
        Assert.Equal("features", error.ParamName);
    }

    private static int Depth(IsolationForest forest, int node) =>
        forest.Feature[node] < 0 ? 0 : 1 + Math.Max(Depth(forest, forest.Left[node]), Depth(forest, forest.Right[node]));

    private static TabularRow Row(double x, double y) => new(new Dictionary<string, object?> { ["x"] = x, ["y"] = y });
}
