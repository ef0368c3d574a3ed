namespace HybridAI.Native.LlamaCpp;

/// <summary>A model file could not be loaded: missing, truncated, corrupt, not GGUF, or an unsupported architecture.</summary>
public sealed class LlamaModelLoadException : LlamaCppException
{
    /// <summary>Creates the exception.</summary>
    public LlamaModelLoadException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LlamaModelLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LlamaModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    public LlamaModelLoadException(string filePath, string reason)
        : base($"Cannot load the model '{filePath}': {reason}") => FilePath = filePath;

    /// <summary>The model file that failed to load.</summary>
    public string? FilePath { get; }
}
