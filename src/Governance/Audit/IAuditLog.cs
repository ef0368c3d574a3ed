namespace HybridAI.Governance.Audit;

/// <summary>
/// A tamper-evident audit store: events are queued by <see cref="IAuditSink.WriteAsync"/>, stored in batches by one
/// background writer, and chained by SHA-256 so that <see cref="VerifyAsync"/> names the first edited, deleted,
/// inserted or reordered record. Implemented by <see cref="SqliteAuditLog"/> (embedded default),
/// <see cref="PostgresAuditLog"/> (shared across machines) and <see cref="JsonlAuditLog"/> (a plain file).
/// </summary>
/// <example>
/// <code>
/// await using IAuditLog log = new JsonlAuditLog("audit.jsonl");
/// await log.WriteAsync(auditEvent);
/// await log.FlushAsync();
/// AuditVerification check = await log.VerifyAsync();   // check.IsValid
/// </code>
/// </example>
public interface IAuditLog : IAuditSink, IAsyncDisposable
{
    /// <summary>Where the log is (a file path, or a PostgreSQL schema), as error messages name it.</summary>
    string Location { get; }

    /// <summary>Waits until every event queued before this call is stored.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the stored events of one run, oldest first (events still queued are not included).</summary>
    Task<IReadOnlyList<AuditEvent>> ReadAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>Reads stored records whose timestamp is in [<paramref name="from"/>, <paramref name="to"/>), oldest first, optionally of one run.</summary>
    IAsyncEnumerable<AuditRecord> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, string? runId = null, CancellationToken cancellationToken = default);

    /// <summary>Checks the hash chain of everything stored so far and reports the first record that does not match.</summary>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
