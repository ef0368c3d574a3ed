using System.Text.Json;
using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Resumes a run suspended at a gate, possibly by another process: loads its checkpoint, checks it was made by the
    /// same workflow name, version and state schema, applies <paramref name="decision"/> through the gate's
    /// <c>onDecision</c> and runs the steps after the gate. The checkpoint is deleted once the run completes or fails.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No checkpoint for <paramref name="runId"/>.</exception>
    /// <exception cref="CheckpointMismatchException">The checkpoint belongs to another workflow, version or state schema.</exception>
    /// <exception cref="ArgumentException">The decision edits a field the gate does not allow, that the state lacks, or with a value of the wrong type (nothing changes; the checkpoint stays).</exception>
    public async Task<RunResult<TState>> ResumeAsync<TState>(Workflow<TState> workflow, string runId, GateDecision decision,
        CancellationToken cancellationToken = default)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentNullException.ThrowIfNull(decision);

        var checkpoint = await _checkpoints.LoadAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"There is no suspended run '{runId}' in the checkpoint store.");
        if (checkpoint.WorkflowName != workflow.Name || checkpoint.WorkflowVersion != workflow.Version)
        {
            throw new CheckpointMismatchException(
                $"Run {runId} was suspended by {checkpoint.WorkflowName} {checkpoint.WorkflowVersion} but this is {workflow.Name} {workflow.Version}.");
        }
        if (checkpoint.SchemaHash != workflow.SchemaHash)
        {
            throw new CheckpointMismatchException(
                $"Run {runId} was suspended by {workflow.Name} {workflow.Version} with another shape of its state {typeof(TState).Name} " +
                $"(schema {Short(checkpoint.SchemaHash)}, now {Short(workflow.SchemaHash)}); bump the workflow version when the state changes.");
        }
        var gate = workflow.IndexOf(checkpoint.StepName);
        if (gate < 0 || workflow.StepArray[gate].Kind != StepKind.Gate)
        {
            throw new CheckpointMismatchException(
                $"Run {runId} waits at gate '{checkpoint.StepName}', which workflow {workflow.Name} {workflow.Version} does not have.");
        }

        var stateJson = checkpoint.StateJson;
        if (decision.Edits is { Count: > 0 } edits)
        {
            if (!decision.Approved)
                throw new ArgumentException($"Run {runId}: a rejection cannot carry edits; approve with edits, or reject without them.", nameof(decision));
            var editable = (workflow.StepArray[gate] as Steps.GateStep<TState>)?.Options?.EditableFields ?? [];
            stateJson = GateEdits.Apply(runId, checkpoint.StepName, stateJson, edits, editable);
        }

        TState state;
        try
        {
            state = JsonSerializer.Deserialize(stateJson, workflow.JsonInfo)
                ?? throw new JsonException("The checkpointed state is null.");
        }
        catch (JsonException ex)
        {
            // The path and position help; the JSON itself may hold personal data and stays out of the message.
            if (!ReferenceEquals(stateJson, checkpoint.StateJson))
                throw new ArgumentException($"Run {runId}: the edited state cannot be read as {typeof(TState).Name} (at {ex.Path ?? "?"}); check the edited values' types.", nameof(decision), ex);
            throw new CheckpointMismatchException(
                $"Run {runId}: the checkpointed state cannot be read as {typeof(TState).Name} (at {ex.Path ?? "?"}).", ex);
        }
        RunnerLog.Resumed(_logger, workflow.Name, workflow.Version, runId, checkpoint.StepName);
        return await ExecuteAsync(workflow, state, runId, gate, decision, null, cancellationToken).ConfigureAwait(false);
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;
}
