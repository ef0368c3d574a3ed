namespace HybridAI.Native.OnnxRuntime.Interop;

/// <summary>Something that can be fed to Run as an OrtValue: a tensor, or a value of any kind.</summary>
internal interface IOrtValueSource
{
    /// <summary>The live OrtValue pointer (throws when disposed).</summary>
    nint Value { get; }
}
