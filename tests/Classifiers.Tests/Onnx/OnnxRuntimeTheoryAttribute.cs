using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Classifiers.Tests.Onnx;

/// <summary>A theory that runs ONNX Runtime: skipped with the reason when the library is missing, except under CI=true.</summary>
internal sealed class OnnxRuntimeTheoryAttribute : TheoryAttribute
{
    public OnnxRuntimeTheoryAttribute()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        try
        {
            OnnxRuntimeLibrary.Locate();
        }
        catch (DllNotFoundException e)
        {
            Skip = e.Message;
        }
    }
}
