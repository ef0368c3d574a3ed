using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

internal sealed class TransformStep<TState>(string name, Func<TState, CancellationToken, ValueTask> body)
    : WorkflowStep<TState>(name, StepKind.Transform)
    where TState : class, new()
{
    public override ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
        => body(scope.RunScope.TypedState, cancellationToken);
}

internal sealed class SyncTransformStep<TState>(string name, Action<TState> body)
    : WorkflowStep<TState>(name, StepKind.Transform)
    where TState : class, new()
{
    public override ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        body(scope.RunScope.TypedState);
        return default;
    }
}
