using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Audit;

/// <summary>The audit file's tables and how to open it.</summary>
internal static class AuditSchema
{
    public const string Columns = "id, ts, run_id, workflow, version, step, step_index, kind, event, outcome, error_type, error_message, duration_ticks, hash";

    public const string Create = """
        CREATE TABLE IF NOT EXISTS audit_events (
            id INTEGER PRIMARY KEY,
            ts INTEGER NOT NULL,
            run_id TEXT NOT NULL,
            workflow TEXT NOT NULL,
            version TEXT NOT NULL,
            step TEXT,
            step_index INTEGER NOT NULL,
            kind TEXT NOT NULL,
            event TEXT NOT NULL,
            outcome TEXT,
            error_type TEXT,
            error_message TEXT,
            duration_ticks INTEGER NOT NULL,
            hash BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_audit_events_run ON audit_events(run_id, id);
        -- The last row's id and hash, updated in the same transaction: catches rows deleted at the end.
        CREATE TABLE IF NOT EXISTS audit_head (
            singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
            last_id INTEGER NOT NULL,
            last_hash BLOB NOT NULL);
        """;

    public static SqliteConnection Open(string path, bool readOnly)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = readOnly
            ? "PRAGMA busy_timeout = 5000;"
            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    public static string KindName(Orchestrator.StepKind kind) =>
        (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : kind.ToString();

    public static string EventName(AuditEventType type) =>
        (uint)type < (uint)EventNames.Length ? EventNames[(int)type] : type.ToString();

    private static readonly string[] KindNames = Enum.GetNames<Orchestrator.StepKind>();
    private static readonly string[] EventNames = Enum.GetNames<AuditEventType>();
}
