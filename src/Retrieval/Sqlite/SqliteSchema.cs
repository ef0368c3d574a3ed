using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>Tables of the keyword index and the pragmas every connection needs.</summary>
internal static class SqliteSchema
{
    public const int Version = 1;

    // chunks_fts is an external-content FTS5 table: the text is stored once, in chunks, and triggers keep the index in
    // step inside the same transaction as the chunk rows. remove_diacritics 2 makes "remboursé" and "rembourse" equal.
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS documents (
            id       TEXT PRIMARY KEY NOT NULL,
            source   TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
            text     TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS chunks (
            row_id   INTEGER PRIMARY KEY,
            chunk_id TEXT NOT NULL UNIQUE,
            doc_id   TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal  INTEGER NOT NULL,
            start    INTEGER NOT NULL,
            length   INTEGER NOT NULL,
            text     TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(doc_id, ordinal);
        CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
            text, content = 'chunks', content_rowid = 'row_id', tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS chunks_fts_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_fts(rowid, text) VALUES (new.row_id, new.text);
        END;
        CREATE TRIGGER IF NOT EXISTS chunks_fts_delete AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.row_id, old.text);
        END;
        """;

    /// <summary>Prepares the writer connection: WAL so readers never wait for it, then the tables.</summary>
    public static void InitializeWriter(SqliteConnection connection, bool inMemory, string displayName)
    {
        Execute(connection, inMemory
            ? "PRAGMA foreign_keys = ON;"
            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");

        long version = Scalar(connection, "PRAGMA user_version;");
        if (version > Version)
        {
            throw new NotSupportedException(
                $"The index file '{displayName}' has schema version {version}; this library reads up to version {Version}. Use a newer HybridAI.Retrieval.");
        }

        using SqliteTransaction transaction = connection.BeginTransaction();
        Execute(connection, CreateTables, transaction);
        Execute(connection, $"PRAGMA user_version = {Version};", transaction);
        transaction.Commit();
    }

    public static void InitializeReader(SqliteConnection connection) => Execute(connection, "PRAGMA busy_timeout = 5000;");

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
