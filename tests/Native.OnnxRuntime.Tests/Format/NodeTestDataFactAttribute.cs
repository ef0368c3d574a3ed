using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Format;

/// <summary>
/// A test that reads Debian's libonnx-testdata: skipped with the reason when it is not installed, except under
/// CI=true, where missing test data must fail rather than hide.
/// </summary>
public sealed class NodeTestDataFactAttribute : FactAttribute
{
    public NodeTestDataFactAttribute()
    {
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!ci && !Directory.Exists(NodeTestCatalog.DebianRoot))
        {
            Skip = $"ONNX node test data not installed at {NodeTestCatalog.DebianRoot} (apt install libonnx-testdata).";
        }
    }
}
