using Xunit.Abstractions;

namespace HybridAI.Native.OnnxRuntime.Tests.Conformance;

public sealed class ProbeTests(ITestOutputHelper output)
{
    [NativeFact]
    public void Probe()
    {
        foreach (var o in NodeTestResults.All.Values.Where(o => o.Status != NodeTestStatus.Passed))
        {
            output.WriteLine($"{o.Status} {o.Name}: {o.Detail}");
        }

        output.WriteLine($"passed {NodeTestResults.All.Values.Count(o => o.Status == NodeTestStatus.Passed)} of {NodeTestResults.All.Count}");
    }
}
