using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Audit;

/// <summary>The writer's prepared statements and the running end of the hash chain. Used by the writer task only.</summary>
internal sealed class AuditInsert : IDisposable
{
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _head;
    private readonly SqliteParameter _id, _ts, _runId, _workflow, _version, _step, _stepIndex, _kind, _event, _outcome, _errorType, _errorMessage, _duration, _hash;
    private readonly SqliteParameter _headId, _headHash;
    private readonly AuditRowHasher _hasher = new();
    private readonly byte[] _previous = new byte[AuditRowHasher.HashSize];
    private long _lastId;
    private byte[] _committedHash = new byte[AuditRowHasher.HashSize];
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
                _committedHash = (byte[])r.GetValue(1);
            }
        }
        _lastId = _committedId;
        _committedHash.CopyTo(_previous, 0);

        _insert = connection.CreateCommand();
        _insert.CommandText = $"INSERT INTO audit_events ({AuditSchema.Columns}) VALUES ($id, $ts, $run, $wf, $ver, $step, $idx, $kind, $event, $outcome, $etype, $emsg, $dur, $hash)";
        _id = _insert.Parameters.Add("$id", SqliteType.Integer);
        _ts = _insert.Parameters.Add("$ts", SqliteType.Integer);
        _runId = _insert.Parameters.Add("$run", SqliteType.Text);
        _workflow = _insert.Parameters.Add("$wf", SqliteType.Text);
        _version = _insert.Parameters.Add("$ver", SqliteType.Text);
        _step = _insert.Parameters.Add("$step", SqliteType.Text);
        _stepIndex = _insert.Parameters.Add("$idx", SqliteType.Integer);
        _kind = _insert.Parameters.Add("$kind", SqliteType.Text);
        _event = _insert.Parameters.Add("$event", SqliteType.Text);
        _outcome = _insert.Parameters.Add("$outcome", SqliteType.Text);
        _errorType = _insert.Parameters.Add("$etype", SqliteType.Text);
        _errorMessage = _insert.Parameters.Add("$emsg", SqliteType.Text);
        _duration = _insert.Parameters.Add("$dur", SqliteType.Integer);
        _hash = _insert.Parameters.Add("$hash", SqliteType.Blob);
        _insert.Prepare();

        _head = connection.CreateCommand();
        _head.CommandText = "INSERT INTO audit_head (singleton, last_id, last_hash) VALUES (1, $id, $hash) ON CONFLICT(singleton) DO UPDATE SET last_id = excluded.last_id, last_hash = excluded.last_hash";
        _headId = _head.Parameters.Add("$id", SqliteType.Integer);
        _headHash = _head.Parameters.Add("$hash", SqliteType.Blob);
        _head.Prepare();
    }

    public void Begin(SqliteTransaction transaction)
    {
        _insert.Transaction = transaction;
        _head.Transaction = transaction;
        // A rolled-back batch leaves the chain where the last commit left it.
        _lastId = _committedId;
        _committedHash.CopyTo(_previous, 0);
    }

    public void Add(in AuditEvent e)
    {
        var row = new AuditRow(
            ++_lastId, e.Timestamp.UtcTicks, e.RunId, e.Workflow, e.WorkflowVersion, e.Step, e.StepIndex,
            AuditSchema.KindName(e.Kind), AuditSchema.EventName(e.EventType), e.Outcome, e.ErrorType, e.ErrorMessage,
            e.Duration.Ticks);
        var hash = new byte[AuditRowHasher.HashSize];
        _hasher.Compute(_previous, row, hash);
        hash.CopyTo(_previous, 0);

        _id.Value = row.Id;
        _ts.Value = row.TimestampUtcTicks;
        _runId.Value = row.RunId;
        _workflow.Value = row.Workflow;
        _version.Value = row.Version;
        _step.Value = (object?)row.Step ?? DBNull.Value;
        _stepIndex.Value = row.StepIndex;
        _kind.Value = row.Kind;
        _event.Value = row.EventType;
        _outcome.Value = (object?)row.Outcome ?? DBNull.Value;
        _errorType.Value = (object?)row.ErrorType ?? DBNull.Value;
        _errorMessage.Value = (object?)row.ErrorMessage ?? DBNull.Value;
        _duration.Value = row.DurationTicks;
        _hash.Value = hash;
        _insert.ExecuteNonQuery();
    }

    public void WriteHead()
    {
        _headId.Value = _lastId;
        _headHash.Value = _previous.ToArray();
        _head.ExecuteNonQuery();
    }

    public void Committed()
    {
        _committedId = _lastId;
        _committedHash = _previous.ToArray();
    }

    public void Dispose()
    {
        _insert.Dispose();
        _head.Dispose();
    }
}
