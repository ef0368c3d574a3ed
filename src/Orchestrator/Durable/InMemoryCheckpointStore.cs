using System.Collections.Concurrent;

namespace HybridAI.Orchestrator;

/// <summary>Checkpoints kept in this process only: what a runner uses when given no store (runs cannot resume after a restart).</summary>
public sealed class InMemoryCheckpointStore : ICheckpointStore
{
    private readonly ConcurrentDictionary<string, Checkpoint> _checkpoints = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public ValueTask SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        _checkpoints[checkpoint.RunId] = checkpoint;
        return default;
    }

    /// <inheritdoc />
    public ValueTask<Checkpoint?> LoadAsync(string runId, CancellationToken cancellationToken = default)
        => new(_checkpoints.TryGetValue(runId, out var c) ? c : null);

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(string runId, CancellationToken cancellationToken = default)
        => new(_checkpoints.TryRemove(runId, out _));

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<Checkpoint>> ListAsync(string? workflowName = null, CancellationToken cancellationToken = default)
    {
        var list = new List<Checkpoint>();
        foreach (var c in _checkpoints.Values)
        {
            if (workflowName is null || c.WorkflowName == workflowName)
            {
                list.Add(c);
            }
        }
        list.Sort(static (a, b) => a.CreatedAt.CompareTo(b.CreatedAt));
        return new(list);
    }
}
