using System.Diagnostics;

namespace HybridAI.Orchestrator.Running;

/// <summary>The one step context of a run, re-pointed at each step so a run allocates it once.</summary>
internal sealed class StepScope<TState> : StepContext
    where TState : class, new()
{
    private readonly RunScope<TState> _run;

    public StepScope(RunScope<TState> run) => _run = run;

    public override RunContext Run => _run;
    public override string StepName => Current.Name;
    public override StepKind Kind => Current.Kind;
    public override int StepIndex => Current.Index;

    public RunScope<TState> RunScope => _run;
    public Steps.WorkflowStep<TState> Current { get; set; } = null!;

    /// <summary>The step's span when someone listens; steps add GenAI attributes to it.</summary>
    public Activity? Activity { get; set; }

    /// <summary>How many times the step body has run in this step (retries counted); kept by the step's resilience.</summary>
    public int Attempts { get; set; }
}
