namespace HybridAI.Orchestrator;

/// <summary>A step as the outside world sees it.</summary>
/// <param name="Name">The step's name, unique within its workflow.</param>
/// <param name="Kind">What the step does.</param>
public sealed record StepInfo(string Name, StepKind Kind);
