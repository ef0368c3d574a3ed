namespace HybridAI.Orchestrator;

/// <summary>
/// A step of a run failed. The message names the workflow, the step and the run id but never the cause's
/// message (it may hold personal data); the cause is <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class WorkflowStepException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowStepException() : this(string.Empty, string.Empty, string.Empty, null) { }

    /// <summary>Creates the exception with a message.</summary>
    public WorkflowStepException(string message) : base(message)
    {
        WorkflowName = string.Empty;
        StepName = string.Empty;
        RunId = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WorkflowStepException(string message, Exception innerException) : base(message, innerException)
    {
        WorkflowName = string.Empty;
        StepName = string.Empty;
        RunId = string.Empty;
    }

    /// <summary>Creates the exception for a failed step.</summary>
    public WorkflowStepException(string workflowName, string stepName, string runId, Exception? cause)
        : base(Describe(workflowName, stepName, runId, cause), cause)
    {
        WorkflowName = workflowName;
        StepName = stepName;
        RunId = runId;
    }

    /// <summary>The workflow that was running.</summary>
    public string WorkflowName { get; }

    /// <summary>The step that failed.</summary>
    public string StepName { get; }

    /// <summary>The run that failed.</summary>
    public string RunId { get; }

    private static string Describe(string workflow, string step, string runId, Exception? cause)
    {
        // Our own errors are PII-free by construction, so their message helps; a user's exception may not be.
        var detail = cause is WorkflowRunException ? ": " + cause.Message : cause is null ? "." : $" ({cause.GetType().Name}).";
        return $"Workflow '{workflow}' failed at step '{step}' in run '{runId}'{detail}";
    }
}

/// <summary>An error the engine itself raises while running (bad branch target, too many steps); its message is PII-free.</summary>
public sealed class WorkflowRunException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowRunException() { }

    /// <summary>Creates the exception with a message.</summary>
    public WorkflowRunException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WorkflowRunException(string message, Exception innerException) : base(message, innerException) { }
}
