using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tests.Anomaly;

/// <summary>A 2-D standard Gaussian cluster with a few far points planted on a ring of radius 6–9.</summary>
internal sealed class PlantedOutliers
{
    private PlantedOutliers(TabularData data, bool[] isOutlier)
    {
        Data = data;
        IsOutlier = isOutlier;
    }

    public TabularData Data { get; }

    public bool[] IsOutlier { get; }

    public static PlantedOutliers Make(int inliers, int outliers, int seed, bool constantColumn = false)
    {
        var random = new Random(seed);
        var n = inliers + outliers;
        var x = new double[n];
        var y = new double[n];
        var flags = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (i % (n / outliers) == 0 && flags.Count(f => f) < outliers)
            {
                var angle = random.NextDouble() * 2 * Math.PI;
                var radius = 6 + (3 * random.NextDouble());
                x[i] = radius * Math.Cos(angle);
                y[i] = radius * Math.Sin(angle);
                flags[i] = true;
            }
            else
            {
                x[i] = Gaussian(random);
                y[i] = Gaussian(random);
            }
        }

        var columns = new List<TabularColumn> { TabularColumn.Numeric("x", x), TabularColumn.Numeric("y", y) };
        if (constantColumn)
        {
            columns.Add(TabularColumn.Numeric("branch", Enumerable.Repeat(3.0, n).ToArray()));
        }

        return new PlantedOutliers(new TabularData(columns), flags);
    }

    private static double Gaussian(Random random)
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u = 1 - random.NextDouble();
        var v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
