using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

/// <summary>
/// Asks for a human when <c>needsReview</c> says so: the runner then checkpoints and suspends the run.
/// On resume the same step runs again with the decision, so step middleware (audit) sees it.
/// </summary>
internal sealed class GateStep<TState>(string name, Func<TState, bool> needsReview, Action<TState, GateDecision> onDecision, Func<TState, string>? reason)
    : WorkflowStep<TState>(name, StepKind.Gate)
    where TState : class, new()
{
    public override ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var run = scope.RunScope;
        var state = run.TypedState;
        if (run.PendingDecision is { } decision)
        {
            run.PendingDecision = null;
            onDecision(state, decision);
            scope.Outcome = decision.Approved ? "approved" : "rejected";
            return default;
        }
        if (needsReview(state))
        {
            run.SuspendRequested = true;
            run.SuspendReason = reason?.Invoke(state);
            scope.Outcome = "suspended";
            return default;
        }
        scope.Outcome = "review=skipped";
        return default;
    }
}
