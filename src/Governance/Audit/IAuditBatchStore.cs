namespace HybridAI.Governance.Audit;

/// <summary>What a backend does for <see cref="AuditWriter"/>: store one batch atomically, continuing the chain from the stored head.</summary>
internal interface IAuditBatchStore
{
    /// <summary>Stores <paramref name="batch"/> as one unit: all of it, or (after an exception) none of it.</summary>
    ValueTask StoreAsync(ReadOnlyMemory<AuditEvent> batch, CancellationToken cancellationToken);

    /// <summary>True for a failure worth retrying the same batch after a pause (the store is locked or busy).</summary>
    bool IsTransient(Exception exception);
}
