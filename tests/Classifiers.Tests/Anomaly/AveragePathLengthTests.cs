using HybridAI.Classifiers.Anomaly;

namespace HybridAI.Classifiers.Tests.Anomaly;

public sealed class AveragePathLengthTests
{
    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.0)]
    [InlineData(2, 1.0)]
    [InlineData(3, 1.2073924)]
    [InlineData(256, 10.2448)]
    public void Known_values(int n, double expected) => Assert.Equal(expected, AveragePathLength.Of(n), 4);

    [Fact]
    public void Grows_like_twice_the_natural_log()
    {
        var c = AveragePathLength.Of(1_000_000);
        Assert.InRange(c - (2 * Math.Log(1_000_000)), -1, 0);
        Assert.True(AveragePathLength.Of(257) > AveragePathLength.Of(256));
    }
}
