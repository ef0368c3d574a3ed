using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

/// <summary>
/// Asks for a human when <c>condition</c> gives a reason: the runner then checkpoints and suspends the run.
/// On resume the same step runs again with the decision, so step middleware (audit) sees it.
/// </summary>
internal sealed class GateStep<TState>(string name, Func<TState, string?> condition, Action<TState, GateDecision> onDecision, GateOptions<TState>? options)
    : WorkflowStep<TState>(name, StepKind.Gate)
    where TState : class, new()
{
    /// <summary>The gate's reviewers, deadlines and editable fields; null when it declared none.</summary>
    public GateOptions<TState>? Options => options;

    public override ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var run = scope.RunScope;
        var state = run.TypedState;
        if (run.PendingDecision is { } decision)
        {
            run.PendingDecision = null;
            onDecision(state, decision);
            scope.Outcome = decision.Approved ? (decision.Edits is { Count: > 0 } ? "approved edited" : "approved") : "rejected";
            return default;
        }
        if (condition(state) is { } reason)
        {
            run.SuspendRequested = true;
            run.SuspendReason = reason.Length == 0 ? null : reason; // the classic gate without a reason function
            run.SuspendReview = options?.ToReview(state);
            scope.Outcome = "suspended";
            return default;
        }
        scope.Outcome = "review=skipped";
        return default;
    }
}
