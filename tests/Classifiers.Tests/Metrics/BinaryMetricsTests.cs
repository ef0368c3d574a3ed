namespace HybridAI.Classifiers.Tests.Metrics;

public sealed class BinaryMetricsTests
{
    private static readonly bool[] Positives = [true, false, true, false, true];
    private static readonly double[] Scores = [0.9, 0.9, 0.4, 0.2, 0.4];

    [Fact]
    public void Roc_auc_counts_tied_pairs_as_half()
    {
        // Pairs (positive, negative): (.9,.9)=½ (.9,.2)=1 (.4,.9)=0 (.4,.2)=1, twice for the two .4 positives: 3.5 of 6.
        Assert.Equal(3.5 / 6, BinaryMetrics.RocAuc(Positives, Scores), 12);
    }

    [Fact]
    public void Roc_auc_is_one_for_a_perfect_ranking_and_zero_for_a_reversed_one()
    {
        bool[] labels = [false, false, true, true];
        Assert.Equal(1, BinaryMetrics.RocAuc(labels, [0.1, 0.2, 0.3, 0.4]));
        Assert.Equal(0, BinaryMetrics.RocAuc(labels, [0.4, 0.3, 0.2, 0.1]));
        Assert.Equal(0.5, BinaryMetrics.RocAuc(labels, [0.5, 0.5, 0.5, 0.5]));
    }

    [Fact]
    public void Average_precision_steps_over_tied_groups()
    {
        // .9 group {+,−}: recall ⅓, precision ½ → ⅙; .4 group {+,+}: recall 1, precision ¾ → ⅔·¾ = ½; .2 adds no recall.
        Assert.Equal((1d / 6) + 0.5, BinaryMetrics.AveragePrecision(Positives, Scores), 12);
    }

    [Fact]
    public void Expected_calibration_error_weights_each_bins_gap_by_its_share()
    {
        double[] probabilities = [0.05, 0.15, 0.15, 0.95, 1.0];
        bool[] positives = [false, true, false, true, true];

        // bin 0: |0 − .05|·⅕ = .01; bin 1: |.5 − .15|·⅖ = .14; bin 9 (1.0 included): |1 − .975|·⅖ = .01.
        Assert.Equal(0.16, BinaryMetrics.ExpectedCalibrationError(positives, probabilities), 12);
    }

    [Fact]
    public void Bad_inputs_are_rejected_with_reasons()
    {
        Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc([true, true], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc([true, false], [0.1]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.RocAuc([true, false], [double.NaN, 0.2]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.AveragePrecision([false, false], [0.1, 0.2]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.ExpectedCalibrationError([true], [1.5]));
        Assert.Throws<ArgumentException>(() => BinaryMetrics.ExpectedCalibrationError([], []));
    }
}
