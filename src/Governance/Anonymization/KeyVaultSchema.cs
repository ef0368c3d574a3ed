using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Anonymization;

/// <summary>The key vault's tables and how to open its file.</summary>
internal static class KeyVaultSchema
{
    // subject is the non-personal handle (an HMAC of the caller's subject id), never the id itself.
    // Data keys are stored wrapped (AES-GCM under a sub-key of the master key); one live key per subject.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS vault_meta (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS subject_keys (
            key_id BLOB PRIMARY KEY,
            subject TEXT NOT NULL UNIQUE,
            wrapped BLOB NOT NULL,
            created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS erased_keys (
            key_id BLOB PRIMARY KEY,
            subject TEXT NOT NULL,
            erased_at INTEGER NOT NULL);
        """;

    public static SqliteConnection Open(string path)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // secure_delete overwrites an erased key's bytes in the file instead of leaving them in a free page.
            command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;" + Create;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
