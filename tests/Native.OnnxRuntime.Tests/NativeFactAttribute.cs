using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>
/// A test that needs the ONNX Runtime library (and, with <see cref="Needs"/>, a model file): skipped with the reason
/// when either cannot be found, except under CI=true, where a missing dependency must fail the test instead of hiding it.
/// </summary>
public sealed class NativeFactAttribute : FactAttribute
{
    private static readonly bool OnCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public NativeFactAttribute()
    {
        if (OnCi)
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

    /// <summary>A model the test loads: a path relative to the npm data folder, or an absolute path.</summary>
    public string? Needs
    {
        get => null;
        init
        {
            if (!OnCi && Skip is null && value is not null && !File.Exists(Models.Resolve(value)))
            {
                Skip = $"Model {Models.Resolve(value)} is missing (run eng/fetch-deps.sh; node-test models come from Debian's libonnx-testdata).";
            }
        }
    }
}
