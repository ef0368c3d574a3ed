using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

/// <summary>Jumps to the step its chooser names (forward or backward), or ends the run.</summary>
internal sealed class BranchStep<TState>(string name, Func<TState, string> choose, string[] targets)
    : WorkflowStep<TState>(name, StepKind.Branch)
    where TState : class, new()
{
    private int[] _targetIndexes = [];
    private string[] _outcomes = [];
    private string _workflowName = string.Empty;

    public IReadOnlyList<string> Targets => targets;

    public override void Bind(Workflow<TState> workflow)
    {
        _workflowName = workflow.Name;
        _targetIndexes = new int[targets.Length];
        _outcomes = new string[targets.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var index = workflow.IndexOf(targets[i]);
            if (index < 0 && targets[i] != Workflow.End)
            {
                throw new WorkflowValidationException(
                    $"Workflow '{workflow.Name}' step '{Name}': branch target '{targets[i]}' is not a step of the workflow.");
            }
            _targetIndexes[i] = index < 0 ? workflow.StepArray.Length : index;
            _outcomes[i] = "next=" + targets[i];
        }
    }

    public override ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var run = scope.RunScope;
        var chosen = choose(run.TypedState);
        if (string.Equals(chosen, Workflow.End, StringComparison.Ordinal))
        {
            run.NextIndex = run.Workflow.StepArray.Length;
            scope.Outcome = "next=" + Workflow.End;
            return default;
        }
        for (var i = 0; i < targets.Length; i++)
        {
            if (string.Equals(targets[i], chosen, StringComparison.Ordinal))
            {
                run.NextIndex = _targetIndexes[i];
                scope.Outcome = _outcomes[i];
                return default;
            }
        }
        // Only echo the choice when it is a known step name: a chooser could return user text by mistake.
        var what = chosen is not null && run.Workflow.IndexOf(chosen) >= 0 ? $"'{chosen}'" : "an unknown step";
        throw new WorkflowRunException(
            $"Branch '{Name}' of workflow '{_workflowName}' chose {what} in run '{run.RunId}', which is not one of its targets ({string.Join(", ", targets)}).");
    }
}
