namespace HybridAI.Orchestrator;

/// <summary>Keeps suspended runs so another process can resume them.</summary>
public interface ICheckpointStore
{
    /// <summary>Stores <paramref name="checkpoint"/>, replacing any checkpoint of the same run.</summary>
    ValueTask SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>The run's checkpoint, or null when there is none.</summary>
    ValueTask<Checkpoint?> LoadAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Removes the run's checkpoint; false when there was none.</summary>
    ValueTask<bool> DeleteAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The stored checkpoints, oldest first; only those of <paramref name="workflowName"/> when given.</summary>
    ValueTask<IReadOnlyList<Checkpoint>> ListAsync(string? workflowName = null, CancellationToken cancellationToken = default);
}
