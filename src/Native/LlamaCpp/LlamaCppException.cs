namespace HybridAI.Native.LlamaCpp;

/// <summary>A llama.cpp call failed: a model that does not load, a context that cannot be created, a bad grammar.</summary>
public class LlamaCppException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LlamaCppException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LlamaCppException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public LlamaCppException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
