using System.Globalization;

namespace HybridAI.Native.OnnxRuntime.Tests;

public sealed class LeakTests
{
    [NativeFact(Needs = Models.SileroVad)]
    public void Ten_thousand_create_run_dispose_cycles_leave_managed_and_native_memory_flat()
    {
        using var session = Models.Open(Models.SileroVad);
        var samples = new float[512];
        var state = new float[2 * 128];

        Cycles(session, samples, state, 1_000);
        var managedAfterWarmUp = GC.GetTotalMemory(forceFullCollection: true);
        var nativeAfterWarmUp = ResidentBytes();

        Cycles(session, samples, state, 9_000);
        var managedAtEnd = GC.GetTotalMemory(forceFullCollection: true);
        var nativeAtEnd = ResidentBytes();

        Assert.InRange(managedAtEnd - managedAfterWarmUp, long.MinValue, 4L << 20);
        Assert.InRange(nativeAtEnd - nativeAfterWarmUp, long.MinValue, 32L << 20);
    }

    private static void Cycles(OnnxSession session, float[] samples, float[] state, int count)
    {
        for (var i = 0; i < count; i++)
        {
            samples[i % samples.Length] = (i % 7) / 7f;
            using var input = OnnxTensor.Create(samples, 1, 512);
            using var h = OnnxTensor.Create(state, 2, 1, 128);
            using var rate = OnnxTensor.Scalar(16000L);
            using var outputs = session.Run(new Dictionary<string, OnnxTensor> { ["input"] = input, ["state"] = h, ["sr"] = rate });
            _ = outputs["output"].ToArray<float>();
        }
    }

    private static long ResidentBytes()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes * 1024;
    }
}
