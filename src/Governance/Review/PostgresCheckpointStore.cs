using HybridAI.Orchestrator;

namespace HybridAI.Governance.Review;

/// <summary>
/// Checkpoints in PostgreSQL, for runs suspended on one machine and resumed on another. For gates with a review queue
/// use <see cref="ReviewQueue.OpenPostgres"/>'s <see cref="ReviewQueue.Checkpoints"/> instead, which also enqueues the
/// review in the same transaction; this store keeps checkpoints only (same table, same schema).
/// </summary>
/// <example>
/// <code>
/// await using var store = new PostgresCheckpointStore(Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION")!);
/// var runner = new WorkflowRunner(checkpoints: store);
/// var suspended = await runner.RunAsync(triage, ticket);
/// // on another machine, with its own store on the same server:
/// var done = await otherRunner.ResumeAsync(triage, suspended.RunId, new GateDecision(true, "agent-7"));
/// </code>
/// </example>
public sealed class PostgresCheckpointStore : ICheckpointStore, IAsyncDisposable
{
    private readonly PostgresReviewDatabase _db;

    /// <summary>Connects to the server; the <c>checkpoints</c> table is created in <paramref name="schema"/> on first use.</summary>
    public PostgresCheckpointStore(string connectionString, string schema = "hybridai") => _db = new PostgresReviewDatabase(connectionString, schema);

    /// <inheritdoc />
    public async ValueTask SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await _db.SaveCheckpointAsync(checkpoint, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<Checkpoint?> LoadAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return await _db.LoadCheckpointAsync(runId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        return (await _db.DeleteCheckpointAsync(runId, DateTimeOffset.UtcNow, withReview: false, cancellationToken).ConfigureAwait(false)).Deleted;
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Checkpoint>> ListAsync(string? workflowName = null, CancellationToken cancellationToken = default) =>
        await _db.ListCheckpointsAsync(workflowName, cancellationToken).ConfigureAwait(false);

    /// <summary>Closes the connections.</summary>
    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
