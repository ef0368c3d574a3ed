using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HybridAI.Governance.Audit;

/// <summary>
/// The SQLite writer's prepared statements and the running end of the hash chain. Binds values straight onto the
/// statement (no boxing, no reader object per row, the hash bound from a reused buffer). Each batch starts from the
/// head stored in the file, read inside the batch's write transaction, so several processes may share one file.
/// </summary>
internal sealed class AuditInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _head;
    private readonly sqlite3_stmt _readHead;
    private readonly AuditRowHasher _hasher = new();
    private readonly byte[] _previous = new byte[AuditRowHasher.HashSize];
    private long _lastId;

    public AuditInsert(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The audit connection is not open.");
        _insert = Prepare($"INSERT INTO audit_events ({AuditSchema.Columns}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)");
        _head = Prepare("INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, ?1, ?2) ON CONFLICT(singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash");
        _readHead = Prepare("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
    }

    /// <summary>Continues the chain from the stored head (call inside the batch's write transaction).</summary>
    public void StartBatch()
    {
        _lastId = 0;
        Array.Clear(_previous);
        var rc = raw.sqlite3_step(_readHead);
        try
        {
            if (rc == raw.SQLITE_ROW)
            {
                _lastId = raw.sqlite3_column_int64(_readHead, 0);
                var hash = raw.sqlite3_column_blob(_readHead, 1);
                if (hash.Length != AuditRowHasher.HashSize)
                    throw new InvalidDataException("The audit file's chain head is damaged (its hash has the wrong length).");
                hash.CopyTo(_previous);
            }
            else if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }
        finally
        {
            raw.sqlite3_reset(_readHead);
        }
    }

    public void Add(in AuditEvent e)
    {
        var row = AuditRow.From(_lastId + 1, e);
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
        Check(raw.sqlite3_bind_int64(s, 15, row.Format));
        for (var text = 9; text < AuditRowHasher.TextCount; text++)
            BindText(s, 16 + text - 9, text);
        BindNullable(s, 22, row.InputTokens);
        BindNullable(s, 23, row.OutputTokens);
        Step(s);
        _lastId = row.Id;
    }

    public void WriteHead()
    {
        Check(raw.sqlite3_bind_int64(_head, 1, _lastId));
        Check(raw.sqlite3_bind_blob(_head, 2, _previous));
        Step(_head);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _head.Dispose();
        _readHead.Dispose();
    }

    private sqlite3_stmt Prepare(string sql)
    {
        Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
        return statement;
    }

    private void BindText(sqlite3_stmt s, int index, int hashedText) =>
        Check(_hasher.TryGetText(hashedText, out var utf8) ? raw.sqlite3_bind_text(s, index, utf8) : raw.sqlite3_bind_null(s, index));

    private void BindNullable(sqlite3_stmt s, int index, long? value) =>
        Check(value is { } v ? raw.sqlite3_bind_int64(s, index, v) : raw.sqlite3_bind_null(s, index));

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
