using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Classifiers.Tests.Onnx;

/// <summary>A test that runs ONNX Runtime: skipped with the reason when the library is missing, except under CI=true.</summary>
internal sealed class OnnxRuntimeFactAttribute : FactAttribute
{
    public OnnxRuntimeFactAttribute() => Skip = OnnxRuntimeAvailability.SkipReason();
}

/// <summary>The theory form of <see cref="OnnxRuntimeFactAttribute"/>.</summary>
internal sealed class OnnxRuntimeTheoryAttribute : TheoryAttribute
{
    public OnnxRuntimeTheoryAttribute() => Skip = OnnxRuntimeAvailability.SkipReason();
}

internal static class OnnxRuntimeAvailability
{
    /// <summary>Null when the tests must run: the library was found, or CI=true, where a missing library must fail the run rather than hide it.</summary>
    public static string? SkipReason()
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            OnnxRuntimeLibrary.Locate();
            return null;
        }
        catch (DllNotFoundException e)
        {
            return e.Message;
        }
    }
}
