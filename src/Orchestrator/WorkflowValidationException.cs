namespace HybridAI.Orchestrator;

/// <summary>A workflow (built in code or loaded from a definition file) is not valid; the message names where.</summary>
public sealed class WorkflowValidationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowValidationException() { }

    /// <summary>Creates the exception with a message naming the workflow and step.</summary>
    public WorkflowValidationException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WorkflowValidationException(string message, Exception innerException) : base(message, innerException) { }
}
