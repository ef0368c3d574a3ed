using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>The theory form of <see cref="NativeFactAttribute"/>.</summary>
public sealed class NativeTheoryAttribute : TheoryAttribute
{
    public NativeTheoryAttribute() => Skip = new NativeFactAttribute().Skip;

    /// <summary>A model the test loads (see <see cref="NativeFactAttribute.Needs"/>).</summary>
    public string? Needs
    {
        get => null;
        init => Skip ??= new NativeFactAttribute { Needs = value }.Skip;
    }
}
