using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>Tables of the keyword index and the pragmas every connection needs.</summary>
internal static class SqliteSchema
{
    public const int Version = 2;

    // Every write commits a row in versions (the manifest). Documents and chunks are never updated in place: a row
    // lives from version `added` until `removed` (exclusive; NULL = still live), so older versions stay readable.
    // vector_slot is the chunk's position in the vector file beside the database; vector_count in versions says how
    // many slots that version committed, and anything in the file past the latest count is ignored.
    // chunks_fts is an external-content FTS5 table: the text is stored once, in chunks, and a trigger indexes each
    // chunk row inside the same transaction. remove_diacritics 2 makes "remboursé" and "rembourse" equal.
    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS versions (
            version      INTEGER PRIMARY KEY,
            committed_at TEXT NOT NULL,
            kind         TEXT NOT NULL,
            vector_count INTEGER NOT NULL,
            documents    INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS settings (
            key   TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS documents (
            row_id   INTEGER PRIMARY KEY,
            id       TEXT NOT NULL,
            source   TEXT NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata)),
            text     TEXT NOT NULL,
            added    INTEGER NOT NULL,
            removed  INTEGER
        );
        CREATE UNIQUE INDEX IF NOT EXISTS live_documents ON documents(id) WHERE removed IS NULL;
        CREATE INDEX IF NOT EXISTS documents_by_id ON documents(id, added);
        CREATE TABLE IF NOT EXISTS chunks (
            row_id      INTEGER PRIMARY KEY,
            chunk_id    TEXT NOT NULL,
            doc_row     INTEGER NOT NULL REFERENCES documents(row_id),
            doc_id      TEXT NOT NULL,
            ordinal     INTEGER NOT NULL,
            start       INTEGER NOT NULL,
            length      INTEGER NOT NULL,
            text        TEXT NOT NULL,
            vector_slot INTEGER,
            added       INTEGER NOT NULL,
            removed     INTEGER
        );
        CREATE INDEX IF NOT EXISTS chunks_by_document ON chunks(doc_row, ordinal);
        CREATE INDEX IF NOT EXISTS chunks_by_slot ON chunks(vector_slot);
        CREATE INDEX IF NOT EXISTS live_chunks ON chunks(doc_id) WHERE removed IS NULL;
        CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
            text, content = 'chunks', content_rowid = 'row_id', tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS chunks_fts_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_fts(rowid, text) VALUES (new.row_id, new.text);
        END;
        """;

    /// <summary>SQL condition: the row aliased <paramref name="alias"/> is live at version <c>$v</c>.</summary>
    public static string LiveAt(string alias) => $"{alias}.added <= $v AND ({alias}.removed IS NULL OR {alias}.removed > $v)";

    /// <summary>Prepares the writer connection: WAL so readers never wait for it, then the tables.</summary>
    public static void InitializeWriter(SqliteConnection connection, bool inMemory, string displayName)
    {
        Execute(connection, inMemory
            ? "PRAGMA foreign_keys = ON;"
            : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");

        long version = Scalar(connection, "PRAGMA user_version;");
        if (version == 1)
        {
            throw new NotSupportedException(
                $"The index file '{displayName}' has schema version 1 (keyword only, unversioned); re-ingest the documents into a new file.");
        }

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

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static long Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
