using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Audit;

/// <summary>
/// A tamper-evident audit trail in a SQLite file (WAL). <see cref="WriteAsync"/> only queues the event; one background
/// writer stores queued events in batches, one transaction per batch, each row chained to the previous one by
/// SHA-256 so that <see cref="VerifyAsync"/> detects an edited or deleted row.
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
public sealed class SqliteAuditLog : IAuditSink, IAsyncDisposable
{
    /// <summary>The largest number of events stored in one transaction.</summary>
    public const int DefaultBatchSize = 512;

    /// <summary>How many events may wait in the queue before <see cref="WriteAsync"/> waits for the writer.</summary>
    public const int DefaultCapacity = 16_384;

    private readonly string _path;
    private readonly int _batchSize;
    private readonly Channel<Entry> _queue;
    private readonly SqliteConnection _connection;
    private readonly AuditInsert _insert;
    private readonly Task _writer;
    private Exception? _failure;
    private int _disposed;

    /// <summary>Opens (or creates) the audit file and starts the background writer.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="batchSize">The most events per transaction.</param>
    /// <param name="capacity">The most events waiting in the queue.</param>
    public SqliteAuditLog(string path, int batchSize = DefaultBatchSize, int capacity = DefaultCapacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _path = path;
        _batchSize = batchSize;
        _connection = AuditSchema.Open(path, readOnly: false);
        try
        {
            using (var create = _connection.CreateCommand())
            {
                create.CommandText = AuditSchema.Create;
                create.ExecuteNonQuery();
            }
            _insert = new AuditInsert(_connection);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
        _writer = Task.Run(RunWriterAsync);
    }

    /// <summary>The audit file.</summary>
    public string Path => _path;

    /// <summary>Queues <paramref name="auditEvent"/>; completes at once unless the queue is full.</summary>
    public ValueTask WriteAsync(AuditEvent auditEvent)
    {
        if (auditEvent.RunId is null || auditEvent.Workflow is null || auditEvent.WorkflowVersion is null)
            throw new ArgumentException("An audit event needs RunId, Workflow and WorkflowVersion.", nameof(auditEvent));
        return _queue.Writer.TryWrite(new Entry(auditEvent, null)) ? default : WriteSlowAsync(auditEvent);
    }

    /// <summary>Waits until every event queued before this call is stored.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new Entry(default, done), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw Closed(ex);
        }
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the stored events of one run, oldest first (events still queued are not included).</summary>
    public Task<IReadOnlyList<AuditEvent>> ReadAsync(string runId, CancellationToken cancellationToken = default) =>
        AuditReader.ReadRunAsync(_path, runId, cancellationToken);

    /// <summary>Checks the hash chain of an audit file and reports the first row that does not match.</summary>
    public static Task<AuditVerification> VerifyAsync(string path, CancellationToken cancellationToken = default) =>
        AuditReader.VerifyAsync(path, cancellationToken);

    /// <summary>Stores everything still queued, then closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        _queue.Writer.TryComplete();
        try
        {
            await _writer.ConfigureAwait(false);
        }
        finally
        {
            _insert.Dispose();
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
        if (_failure is not null)
            throw new InvalidOperationException($"The audit writer for '{_path}' failed; some events were not stored.", _failure);
    }

    private async ValueTask WriteSlowAsync(AuditEvent auditEvent)
    {
        try
        {
            await _queue.Writer.WriteAsync(new Entry(auditEvent, null)).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw Closed(ex);
        }
    }

    private Exception Closed(Exception inner) => _failure is not null
        ? new InvalidOperationException($"The audit writer for '{_path}' failed; no more events are accepted.", _failure)
        : new ObjectDisposedException(nameof(SqliteAuditLog), inner);

    private async Task RunWriterAsync()
    {
        var reader = _queue.Reader;
        List<TaskCompletionSource>? flushes = null;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                using (var transaction = _connection.BeginTransaction())
                {
                    _insert.StartBatch();
                    var count = 0;
                    while (count < _batchSize && reader.TryRead(out var entry))
                    {
                        if (entry.Flush is not null)
                        {
                            (flushes ??= []).Add(entry.Flush);
                            break; // commit now so the flush completes promptly
                        }
                        _insert.Add(entry.Event);
                        count++;
                    }
                    if (count > 0)
                    {
                        _insert.WriteHead();
                        transaction.Commit();
                        _insert.Committed();
                    }
                }
                if (flushes is { Count: > 0 })
                {
                    foreach (var f in flushes)
                        f.TrySetResult();
                    flushes.Clear();
                }
            }
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException)
        {
            _failure = ex;
            _queue.Writer.TryComplete(ex);
            var error = new InvalidOperationException($"The audit writer for '{_path}' failed.", ex);
            foreach (var f in flushes ?? [])
                f.TrySetException(error);
            while (reader.TryRead(out var entry))
                entry.Flush?.TrySetException(error);
        }
    }

    private readonly record struct Entry(AuditEvent Event, TaskCompletionSource? Flush);
}
