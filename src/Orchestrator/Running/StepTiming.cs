namespace HybridAI.Orchestrator;

/// <summary>One executed step of a run.</summary>
/// <param name="Step">The step's name.</param>
/// <param name="Kind">What the step does.</param>
/// <param name="Elapsed">How long the step took, middleware included.</param>
/// <param name="Outcome">The step's PII-free summary (<see cref="StepContext.Outcome"/>).</param>
public readonly record struct StepTiming(string Step, StepKind Kind, TimeSpan Elapsed, string? Outcome);
