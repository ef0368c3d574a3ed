using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HybridAI.Governance.Audit;

/// <summary>
/// The writer's prepared statements and the running end of the hash chain. Binds values straight onto the SQLite
/// statement (no boxing, no reader object per row, the hash bound from a reused buffer). Used by the writer task only.
/// </summary>
internal sealed class AuditInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _head;
    private readonly AuditRowHasher _hasher = new();
    private readonly byte[] _previous = new byte[AuditRowHasher.HashSize];
    private readonly byte[] _committedHash = new byte[AuditRowHasher.HashSize];
    private long _lastId;
    private long _committedId;

    public AuditInsert(SqliteConnection connection)
    {
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1";
            using var r = read.ExecuteReader();
            if (r.Read())
            {
                _committedId = r.GetInt64(0);
                ((byte[])r.GetValue(1)).CopyTo(_committedHash, 0);
            }
        }
        _db = connection.Handle ?? throw new InvalidOperationException("The audit connection is not open.");
        _insert = Prepare($"INSERT INTO audit_events ({AuditSchema.Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
        _head = Prepare("INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?1, ?2) ON CONFLICT(singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash");
        StartBatch();
    }

    /// <summary>Starts a batch where the last commit left the chain (a failed batch was rolled back).</summary>
    public void StartBatch()
    {
        _lastId = _committedId;
        _committedHash.CopyTo(_previous, 0);
    }

    public void Add(in AuditEvent e)
    {
        var row = new AuditRow(
            _lastId + 1, e.Timestamp.UtcTicks, e.RunId, e.Workflow, e.WorkflowVersion, e.Step, e.StepIndex,
            AuditSchema.KindName(e.Kind), AuditSchema.EventName(e.EventType), e.Outcome, e.ErrorType, e.ErrorMessage,
            e.Duration.Ticks);
        _hasher.Compute(_previous, row, _previous);

        var s = _insert;
        Check(raw.sqlite3_bind_int64(s, 1, row.Id));
        Check(raw.sqlite3_bind_int64(s, 2, row.TimestampUtcTicks));
        // The hasher has just encoded every text column to UTF-8: bind those bytes (SQLite stores UTF-8) instead of
        // handing it UTF-16 strings to convert again.
        BindText(s, 3, 0);
        BindText(s, 4, 1);
        BindText(s, 5, 2);
        BindText(s, 6, 3);
        Check(raw.sqlite3_bind_int64(s, 7, row.StepIndex));
        BindText(s, 8, 4);
        BindText(s, 9, 5);
        BindText(s, 10, 6);
        BindText(s, 11, 7);
        BindText(s, 12, 8);
        Check(raw.sqlite3_bind_int64(s, 13, row.DurationTicks));
        Check(raw.sqlite3_bind_blob(s, 14, _previous));
        Step(s);
        _lastId = row.Id;
    }

    public void WriteHead()
    {
        Check(raw.sqlite3_bind_int64(_head, 1, _lastId));
        Check(raw.sqlite3_bind_blob(_head, 2, _previous));
        Step(_head);
    }

    public void Committed()
    {
        _committedId = _lastId;
        _previous.CopyTo(_committedHash, 0);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _head.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    private void BindText(sqlite3_stmt s, int index, int hashedText) =>
        Check(_hasher.TryGetText(hashedText, out var utf8) ? raw.sqlite3_bind_text(s, index, utf8) : raw.sqlite3_bind_null(s, index));

    private void Step(sqlite3_stmt s)
    {
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
            SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
