namespace HybridAI.Orchestrator;

/// <summary>What a step does; middleware and telemetry use it to decide what to record.</summary>
public enum StepKind
{
    /// <summary>Changes the state with plain code.</summary>
    Transform,
    /// <summary>Runs a classifier.</summary>
    Classify,
    /// <summary>Runs a scorer.</summary>
    Score,
    /// <summary>Searches an index.</summary>
    Retrieve,
    /// <summary>Calls a chat client.</summary>
    Generate,
    /// <summary>Invokes a tool (an AIFunction).</summary>
    CallTool,
    /// <summary>Chooses the next step from the state.</summary>
    Branch,
    /// <summary>May suspend the run for a human decision.</summary>
    Gate,
}
