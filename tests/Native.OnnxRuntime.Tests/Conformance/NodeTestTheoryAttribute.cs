using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests.Conformance;

/// <summary>
/// A theory over the ONNX node tests: skipped with the reason when ORT or Debian's libonnx-testdata is missing, except
/// under CI=true, where a missing dependency fails instead of hiding.
/// </summary>
public sealed class NodeTestTheoryAttribute : TheoryAttribute
{
    public NodeTestTheoryAttribute()
    {
        Skip = new NativeFactAttribute().Skip;
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Skip is null && !ci && !Directory.Exists(NodeTestCatalog.DebianRoot))
        {
            Skip = $"ONNX node test data not installed at {NodeTestCatalog.DebianRoot} (apt install libonnx-testdata).";
        }
    }
}
