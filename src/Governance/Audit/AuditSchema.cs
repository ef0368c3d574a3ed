using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Audit;

/// <summary>The SQLite audit file's tables, their versions, and how to open it.</summary>
internal static class AuditSchema
{
    /// <summary>Format 2 (PRAGMA user_version = 2) added the format, actor, model, prompt, output, context and token columns.</summary>
    public const int Version = 2;

    /// <summary>The columns of a format 1 file, as its rows were hashed.</summary>
    public const string ColumnsV1 = "id, ts, run_id, workflow, version, step, step_index, kind, event, outcome, error_type, error_message, duration_ticks, hash";

    /// <summary>Every column; <c>hash</c> is the 14th (index 13) as in format 1.</summary>
    public const string Columns = ColumnsV1 + ", format, actor, actor_role, model, prompt, output, context_ids, input_tokens, output_tokens";

    public const string CreateV1 = """
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

    /// <summary>Turns a format 1 file into format 2; old rows keep format 1 and verify as before.</summary>
    public const string UpgradeToV2 = """
        ALTER TABLE audit_events ADD COLUMN format INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE audit_events ADD COLUMN actor TEXT;
        ALTER TABLE audit_events ADD COLUMN actor_role TEXT;
        ALTER TABLE audit_events ADD COLUMN model TEXT;
        ALTER TABLE audit_events ADD COLUMN prompt TEXT;
        ALTER TABLE audit_events ADD COLUMN output TEXT;
        ALTER TABLE audit_events ADD COLUMN context_ids TEXT;
        ALTER TABLE audit_events ADD COLUMN input_tokens INTEGER;
        ALTER TABLE audit_events ADD COLUMN output_tokens INTEGER;
        CREATE INDEX IF NOT EXISTS ix_audit_events_ts ON audit_events(ts, id);
        PRAGMA user_version = 2;
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
        try
        {
            connection.Open();
            using var pragma = connection.CreateCommand();
            pragma.CommandText = readOnly
                ? "PRAGMA busy_timeout = 5000;"
                : "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
            pragma.ExecuteNonQuery();
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return connection;
    }

    /// <summary>Creates the tables, or upgrades a format 1 file, in one transaction (another process may do the same).</summary>
    public static void CreateOrUpgrade(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = CreateV1;
            create.ExecuteNonQuery();
        }
        if (UserVersion(connection) < Version)
        {
            using var upgrade = connection.CreateCommand();
            upgrade.CommandText = UpgradeToV2;
            upgrade.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public static long UserVersion(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    public static string KindName(Orchestrator.StepKind kind) =>
        (uint)kind < (uint)KindNames.Length ? KindNames[(int)kind] : kind.ToString();

    public static string EventName(AuditEventType type) =>
        (uint)type < (uint)EventNames.Length ? EventNames[(int)type] : type.ToString();

    private static readonly string[] KindNames = Enum.GetNames<Orchestrator.StepKind>();
    private static readonly string[] EventNames = Enum.GetNames<AuditEventType>();
}
