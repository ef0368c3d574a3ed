namespace HybridAI.Orchestrator;

/// <summary>Runs the rest of the step pipeline (inner middleware, then the step body).</summary>
public delegate ValueTask StepDelegate(StepContext context);

/// <summary>Runs the rest of the run pipeline (inner middleware, then the steps).</summary>
public delegate ValueTask RunDelegate(RunContext context);

/// <summary>
/// Code that wraps every step of a workflow: audit, telemetry, policies. The first registered is the outermost.
/// An exception thrown by <c>next</c> is the step's failure; middleware may observe it and must rethrow
/// unless it deliberately replaces the outcome.
/// </summary>
public interface IStepMiddleware
{
    /// <summary>Does its work around <paramref name="next"/>.</summary>
    ValueTask InvokeAsync(StepContext context, StepDelegate next);
}

/// <summary>Code that wraps a whole run (e.g. masks PII in the input before any step sees it). The first registered is the outermost.</summary>
public interface IRunMiddleware
{
    /// <summary>Does its work around <paramref name="next"/>.</summary>
    ValueTask InvokeAsync(RunContext context, RunDelegate next);
}
