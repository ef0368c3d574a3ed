using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Audit;

/// <summary>
/// A tamper-evident audit trail in a SQLite file (WAL), the embedded default. <see cref="WriteAsync"/> only queues
/// the event; one background writer stores queued events in batches, one transaction per batch, each row chained to
/// the previous one by SHA-256 so that <see cref="VerifyAsync(string, CancellationToken)"/> names the first edited,
/// deleted, inserted or reordered row. Each batch continues from the chain head stored in the file, so several
/// processes may write one file; a batch that finds the file locked is retried, not dropped.
/// </summary>
/// <example>
/// <code>
/// await using var audit = new SqliteAuditLog("audit.db");
/// var middleware = new AuditMiddleware(audit, PiiDetector.CreateDefault());
/// // ... run workflows ...
/// await audit.FlushAsync();
/// var check = await SqliteAuditLog.VerifyAsync("audit.db");   // check.IsValid
/// </code>
/// </example>
public sealed class SqliteAuditLog : IAuditLog
{
    /// <summary>The largest number of events stored in one transaction.</summary>
    public const int DefaultBatchSize = 512;

    /// <summary>How many events may wait in the queue before <see cref="WriteAsync"/> waits for the writer.</summary>
    public const int DefaultCapacity = 16_384;

    private readonly string _path;
    private readonly SqliteConnection _connection;
    private readonly AuditInsert _insert;
    private readonly AuditWriter _writer;
    private int _disposed;

    /// <summary>Opens (or creates) the audit file, upgrading a format 1 file in place, and starts the background writer.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="batchSize">The most events per transaction.</param>
    /// <param name="capacity">The most events waiting in the queue.</param>
    /// <param name="retryFor">How long a batch is retried while the file is locked by another process (30 s when null).</param>
    public SqliteAuditLog(string path, int batchSize = DefaultBatchSize, int capacity = DefaultCapacity, TimeSpan? retryFor = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _path = path;
        _connection = AuditSchema.Open(path, readOnly: false);
        try
        {
            AuditSchema.CreateOrUpgrade(_connection);
            _insert = new AuditInsert(_connection);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
        _writer = new AuditWriter(new Store(this), $"'{path}'", batchSize, capacity, retryFor ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>The audit file.</summary>
    public string Path => _path;

    /// <inheritdoc />
    public string Location => _path;

    /// <summary>Queues <paramref name="auditEvent"/>; completes at once unless the queue is full.</summary>
    public ValueTask WriteAsync(AuditEvent auditEvent) => _writer.WriteAsync(auditEvent);

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEvent>> ReadAsync(string runId, CancellationToken cancellationToken = default) =>
        AuditReader.ReadRunAsync(_path, runId, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<AuditRecord> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, string? runId = null, CancellationToken cancellationToken = default) =>
        AuditReader.ReadRangeAsync(_path, from, to, runId, cancellationToken);

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => AuditReader.VerifyAsync(_path, cancellationToken);

    /// <summary>Checks the hash chain of an audit file (format 1 or 2) and reports the first row that does not match.</summary>
    public static Task<AuditVerification> VerifyAsync(string path, CancellationToken cancellationToken = default) =>
        AuditReader.VerifyAsync(path, cancellationToken);

    /// <summary>Reads the records of an audit file in [<paramref name="from"/>, <paramref name="to"/>), optionally of one run.</summary>
    public static IAsyncEnumerable<AuditRecord> ReadRangeAsync(string path, DateTimeOffset from, DateTimeOffset to, string? runId = null, CancellationToken cancellationToken = default) =>
        AuditReader.ReadRangeAsync(path, from, to, runId, cancellationToken);

    /// <summary>Stores everything still queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            _insert.Dispose();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed class Store(SqliteAuditLog log) : IAuditBatchStore
    {
        public ValueTask StoreAsync(ReadOnlyMemory<AuditEvent> batch, CancellationToken cancellationToken)
        {
            using var transaction = log._connection.BeginTransaction(); // BEGIN IMMEDIATE: the head cannot move under us
            log._insert.StartBatch();
            foreach (ref readonly var e in batch.Span)
                log._insert.Add(e);
            log._insert.WriteHead();
            transaction.Commit();
            return default;
        }

        public bool IsTransient(Exception exception) =>
            exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED };
    }
}
