using System.Diagnostics;

namespace HybridAI.Benchmarks;

/// <summary>
/// A rate measured two ways: per wall-clock second, and per CPU-second of this process times the threads used (what
/// the threads would do with a core each). The second holds up on a machine shared with other work, where wall
/// time mostly measures the scheduler; both are the best of several short windows.
/// </summary>
internal readonly record struct Rate(double PerSecond, double PerCoreSecond)
{
    /// <summary>Runs <paramref name="work"/> (one unit per call, returning how many items it did) on <paramref name="threads"/> threads in 5 windows of <paramref name="seconds"/>/5 each.</summary>
    public static Rate Measure(int threads, Func<int, long, long> work, double seconds = 3)
    {
        for (int t = 0; t < threads; t++)
        {
            work(t, 0); // warm-up (JIT, page cache)
        }

        double bestWall = 0, bestCpu = 0;
        using var process = Process.GetCurrentProcess();
        for (int window = 0; window < 5; window++)
        {
            long done = 0;
            process.Refresh();
            TimeSpan cpu = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            long budget = (long)(seconds / 5 * 1000);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                long mine = 0;
                for (long i = 0; watch.ElapsedMilliseconds < budget; i++)
                {
                    mine += work(t, i);
                }

                Interlocked.Add(ref done, mine);
            });
            double wall = watch.Elapsed.TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            bestWall = Math.Max(bestWall, done / wall);
            bestCpu = Math.Max(bestCpu, done / Math.Max(cpuSeconds, 1e-9) * threads);
        }

        return new Rate(bestWall, bestCpu);
    }

    /// <summary>Queries/s of <paramref name="threads"/> threads each running the queries in turn.</summary>
    public static Rate Queries(int threads, float[][] queries, Action<float[]> search, double seconds = 3) =>
        Measure(threads, (t, i) =>
        {
            search(queries[(int)((i * threads) + t) % queries.Length]);
            return 1;
        }, seconds);
}
