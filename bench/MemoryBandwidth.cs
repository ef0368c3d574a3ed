using System.Numerics;
using System.Numerics.Tensors;

namespace HybridAI.Benchmarks;

/// <summary>
/// Read bandwidth of this machine, measured in the run that reports a scan against it, over the same block far larger
/// than the last-level cache: the better of TensorPrimitives.Sum and a plain read loop with four independent vector
/// accumulators (so that neither an add-latency chain nor one kernel's quirks understate it), best of several
/// windows (see <see cref="Rate"/>), on one thread and on <c>threads</c> threads each reading its own share at once.
/// </summary>
internal static unsafe class MemoryBandwidth
{
    /// <summary>Bytes/s of reading the <paramref name="floats"/> floats at <paramref name="block"/> with <paramref name="threads"/> threads.</summary>
    public static Rate Measure(float* block, long floats, int threads)
    {
        Rate sum = Measure(block, floats, threads, static (p, n) => TensorPrimitives.Sum(new ReadOnlySpan<float>((float*)p, n)));
        Rate read = Measure(block, floats, threads, ReadLoop);
        return new Rate(Math.Max(sum.PerSecond, read.PerSecond), Math.Max(sum.PerCoreSecond, read.PerCoreSecond));
    }

    private static Rate Measure(float* block, long floats, int threads, Func<nint, int, float> kernel)
    {
        long share = floats / threads;
        nint start = (nint)block;
        var sums = new float[threads];
        Rate passes = Rate.Measure(threads, (t, _) =>
        {
            float* at = (float*)start + (t * share);
            float total = 0;
            for (long done = 0; done < share; done += 1 << 24)
            {
                total += kernel((nint)(at + done), (int)Math.Min(1 << 24, share - done));
            }

            sums[t] = total;
            return 1;
        });
        GC.KeepAlive(sums);
        double bytesPerPass = share * sizeof(float);
        return new Rate(passes.PerSecond * bytesPerPass, passes.PerCoreSecond * bytesPerPass);
    }

    private static float ReadLoop(nint start, int count)
    {
        float* p = (float*)start;
        int width = Vector<float>.Count;
        Vector<float> a = Vector<float>.Zero, b = a, c = a, d = a;
        int i = 0;
        for (; i <= count - (4 * width); i += 4 * width)
        {
            a += Vector.Load(p + i);
            b += Vector.Load(p + i + width);
            c += Vector.Load(p + i + (2 * width));
            d += Vector.Load(p + i + (3 * width));
        }

        float rest = 0;
        for (; i < count; i++)
        {
            rest += p[i];
        }

        return Vector.Sum(a + b + c + d) + rest;
    }
}
