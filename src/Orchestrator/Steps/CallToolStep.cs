using HybridAI.Orchestrator.Running;
using HybridAI.Orchestrator.Telemetry;
using Microsoft.Extensions.AI;

namespace HybridAI.Orchestrator.Steps;

internal sealed class CallToolStep<TState>(string name, AIFunction tool, Func<TState, AIFunctionArguments> arguments, Action<TState, object?> apply)
    : WorkflowStep<TState>(name, StepKind.CallTool)
    where TState : class, new()
{
    private readonly string _outcome = "tool=" + tool.Name;

    public override async ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        if (scope.Activity is { } activity)
        {
            activity.SetTag(TelemetryNames.GenAiOperation, "execute_tool");
            activity.SetTag(TelemetryNames.GenAiToolName, tool.Name);
        }
        var state = scope.RunScope.TypedState;
        var result = await tool.InvokeAsync(arguments(state), cancellationToken).ConfigureAwait(false);
        apply(state, result);
        scope.Outcome = _outcome;
    }
}
