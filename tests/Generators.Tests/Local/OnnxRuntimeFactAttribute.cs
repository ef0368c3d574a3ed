using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Generators.Tests.Local;

/// <summary>A test that runs ONNX Runtime: skipped with the reason when the library is missing, except under CI=true, where it fails.</summary>
internal sealed class OnnxRuntimeFactAttribute : FactAttribute
{
    public OnnxRuntimeFactAttribute()
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
