using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>
/// A test that needs the ONNX Runtime library: skipped with the reason when it cannot be found, except under
/// CI=true, where a missing dependency must fail the test instead of hiding it.
/// </summary>
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
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
