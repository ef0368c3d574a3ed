namespace HybridAI.Orchestrator;

/// <summary>A suspended run cannot resume on this workflow (other name, version, gate or state schema).</summary>
public sealed class CheckpointMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CheckpointMismatchException() { }

    /// <summary>Creates the exception with a message naming the run and both workflows.</summary>
    public CheckpointMismatchException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CheckpointMismatchException(string message, Exception innerException) : base(message, innerException) { }
}
