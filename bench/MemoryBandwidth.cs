using System.Numerics.Tensors;

namespace HybridAI.Benchmarks;

/// <summary>
/// Read bandwidth of this machine, measured in the run that reports a scan against it: TensorPrimitives.Sum over a
/// block far larger than the last-level cache, best of several windows (see <see cref="Rate"/>), on one thread and on <c>threads</c> threads
/// each summing its own share at the same time.
/// </summary>
internal static unsafe class MemoryBandwidth
{
    /// <summary>Bytes/s of reading the <paramref name="floats"/> floats at <paramref name="block"/> with <paramref name="threads"/> threads, each summing its own share.</summary>
    public static Rate Measure(float* block, long floats, int threads)
    {
        long share = floats / threads;
        nint at = (nint)block;
        var sums = new float[threads];
        Rate passes = Rate.Measure(threads, (t, _) =>
        {
            float* start = (float*)at + (t * share);
            float sum = 0;
            for (long done = 0; done < share; done += 1 << 24)
            {
                sum += TensorPrimitives.Sum(new ReadOnlySpan<float>(start + done, (int)Math.Min(1 << 24, share - done)));
            }

            sums[t] = sum;
            return 1;
        });
        GC.KeepAlive(sums);
        double bytesPerPass = share * sizeof(float);
        return new Rate(passes.PerSecond * bytesPerPass, passes.PerCoreSecond * bytesPerPass);
    }
}
