using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Vectors;
using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>A document ready to be written: chunked, metadata serialised and chunks embedded, done outside the write lock.</summary>
internal readonly record struct PreparedDocument(string Id, string Source, string MetadataJson, string Text, IReadOnlyList<DocumentChunk> Chunks)
{
    /// <summary>One unit vector per chunk, or null when the index holds no embeddings.</summary>
    public IReadOnlyList<ReadOnlyMemory<float>>? Vectors { get; init; }
}

/// <summary>
/// The single write connection. Each write is one transaction that ends by inserting its row in <c>versions</c>;
/// rows are never updated except to set <c>removed</c>. Callers hold the index's write lock.
/// </summary>
internal sealed class IndexWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly bool _inMemory;

    public IndexWriter(SqliteConnection connection, bool inMemory)
    {
        _connection = connection;
        _inMemory = inMemory;
        CurrentVersion = SqliteSchema.Scalar(connection, "SELECT coalesce(max(version), 0) FROM versions");
    }

    public SqliteConnection Connection => _connection;

    public long CurrentVersion { get; private set; }

    public long CommittedVectorCount => SqliteSchema.Scalar(_connection, "SELECT coalesce((SELECT vector_count FROM versions ORDER BY version DESC LIMIT 1), 0)");

    public string? Setting(string key)
    {
        using SqliteCommand command = Command("SELECT value FROM settings WHERE key = $k", null, ("$k", key));
        return command.ExecuteScalar() as string;
    }

    /// <summary>
    /// Replaces each changed document (unchanged ones keep their rows); a chunk whose id a live chunk already has keeps
    /// that chunk's vector slot, so re-ingesting the same text embeds nothing new. New vectors are appended to
    /// <paramref name="vectors"/> and flushed before the manifest row commits.
    /// </summary>
    public long Upsert(IReadOnlyList<PreparedDocument> documents, VectorFile? vectors, IReadOnlyDictionary<string, string>? newSettings, CancellationToken cancellationToken)
    {
        long version = CurrentVersion + 1;
        var pending = new List<ReadOnlyMemory<float>>();
        using SqliteTransaction transaction = _connection.BeginTransaction();
        try
        {
            foreach (KeyValuePair<string, string> setting in newSettings ?? new Dictionary<string, string>())
            {
                Execute(transaction, "INSERT OR REPLACE INTO settings (key, value) VALUES ($k, $v)", ("$k", setting.Key), ("$v", setting.Value));
            }

            long nextSlot = vectors is null ? 0 : vectors.Count;
            foreach (PreparedDocument document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Dictionary<string, long> oldSlots = [];
                long? liveRow = null;
                using (SqliteCommand find = Command("SELECT row_id, source, metadata, text FROM documents WHERE id = $id AND removed IS NULL", transaction, ("$id", document.Id)))
                using (SqliteDataReader reader = find.ExecuteReader())
                {
                    if (reader.Read())
                    {
                        if (reader.GetString(1) == document.Source && reader.GetString(2) == document.MetadataJson && reader.GetString(3) == document.Text)
                        {
                            continue;
                        }

                        liveRow = reader.GetInt64(0);
                    }
                }

                if (liveRow is long row)
                {
                    using (SqliteCommand slots = Command("SELECT chunk_id, vector_slot FROM chunks WHERE doc_row = $row AND removed IS NULL AND vector_slot IS NOT NULL", transaction, ("$row", row)))
                    using (SqliteDataReader reader = slots.ExecuteReader())
                    {
                        while (reader.Read())
                        {
                            oldSlots[reader.GetString(0)] = reader.GetInt64(1);
                        }
                    }

                    Execute(transaction, "UPDATE documents SET removed = $v WHERE row_id = $row", ("$v", version), ("$row", row));
                    Execute(transaction, "UPDATE chunks SET removed = $v WHERE doc_row = $row AND removed IS NULL", ("$v", version), ("$row", row));
                }

                long docRow;
                using (SqliteCommand insert = Command(
                    "INSERT INTO documents (id, source, metadata, text, added) VALUES ($id, $source, $metadata, $text, $v) RETURNING row_id", transaction,
                    ("$id", document.Id), ("$source", document.Source), ("$metadata", document.MetadataJson), ("$text", document.Text), ("$v", version)))
                {
                    docRow = (long)insert.ExecuteScalar()!;
                }

                for (int i = 0; i < document.Chunks.Count; i++)
                {
                    DocumentChunk chunk = document.Chunks[i];
                    object slot = DBNull.Value;
                    if (document.Vectors is not null)
                    {
                        if (oldSlots.TryGetValue(chunk.Id, out long reused))
                        {
                            slot = reused;
                        }
                        else
                        {
                            slot = nextSlot++;
                            pending.Add(document.Vectors[i]);
                        }
                    }

                    Execute(transaction,
                        "INSERT INTO chunks (chunk_id, doc_row, doc_id, ordinal, start, length, text, vector_slot, added) VALUES ($c, $r, $d, $o, $s, $l, $t, $slot, $v)",
                        ("$c", chunk.Id), ("$r", docRow), ("$d", document.Id), ("$o", chunk.Ordinal), ("$s", chunk.Span.Start), ("$l", chunk.Span.Length),
                        ("$t", chunk.Text), ("$slot", slot), ("$v", version));
                }
            }

            if (pending.Count > 0)
            {
                // The commit point is the manifest row below: these bytes are on disk before it commits.
                vectors!.Append(pending);
            }

            CommitVersion(transaction, version, "upsert", vectors is null ? CommittedVectorCountIn(transaction) : nextSlot);
        }
        catch
        {
            vectors?.Abandon();
            throw;
        }

        vectors?.Publish();
        Checkpoint();
        return version;
    }

    public bool Delete(string documentId)
    {
        long version = CurrentVersion + 1;
        using SqliteTransaction transaction = _connection.BeginTransaction();
        using SqliteCommand find = Command("SELECT row_id FROM documents WHERE id = $id AND removed IS NULL", transaction, ("$id", documentId));
        if (find.ExecuteScalar() is not long row)
        {
            return false;
        }

        Execute(transaction, "UPDATE documents SET removed = $v WHERE row_id = $row", ("$v", version), ("$row", row));
        Execute(transaction, "UPDATE chunks SET removed = $v WHERE doc_row = $row AND removed IS NULL", ("$v", version), ("$row", row));
        CommitVersion(transaction, version, "delete", CommittedVectorCountIn(transaction));
        return true;
    }

    /// <summary>Commits a version whose live rows are those of <paramref name="target"/>: newer rows are removed, older ones copied back.</summary>
    public long Rollback(long target)
    {
        long version = CurrentVersion + 1;
        using SqliteTransaction transaction = _connection.BeginTransaction();
        Execute(transaction, "UPDATE chunks SET removed = $v WHERE removed IS NULL AND added > $t", ("$v", version), ("$t", target));
        Execute(transaction, "UPDATE documents SET removed = $v WHERE removed IS NULL AND added > $t", ("$v", version), ("$t", target));
        var revived = new List<long>();
        using (SqliteCommand find = Command("SELECT row_id FROM documents WHERE added <= $t AND removed IS NOT NULL AND removed > $t", transaction, ("$t", target)))
        using (SqliteDataReader reader = find.ExecuteReader())
        {
            while (reader.Read())
            {
                revived.Add(reader.GetInt64(0));
            }
        }

        foreach (long oldRow in revived)
        {
            using SqliteCommand copy = Command(
                "INSERT INTO documents (id, source, metadata, text, added) SELECT id, source, metadata, text, $v FROM documents WHERE row_id = $row RETURNING row_id",
                transaction, ("$v", version), ("$row", oldRow));
            long newRow = (long)copy.ExecuteScalar()!;
            // Vectors are append-only, so the copies point at the same slots: nothing is re-embedded.
            Execute(transaction,
                """
                INSERT INTO chunks (chunk_id, doc_row, doc_id, ordinal, start, length, text, vector_slot, added)
                SELECT chunk_id, $new, doc_id, ordinal, start, length, text, vector_slot, $v FROM chunks
                WHERE doc_row = $old AND added <= $t AND (removed IS NULL OR removed > $t)
                """,
                ("$new", newRow), ("$v", version), ("$old", oldRow), ("$t", target));
        }

        CommitVersion(transaction, version, "rollback", CommittedVectorCountIn(transaction));
        Checkpoint();
        return version;
    }

    private long CommittedVectorCountIn(SqliteTransaction transaction)
    {
        using SqliteCommand command = Command("SELECT coalesce((SELECT vector_count FROM versions ORDER BY version DESC LIMIT 1), 0)", transaction);
        return (long)command.ExecuteScalar()!;
    }

    private void CommitVersion(SqliteTransaction transaction, long version, string kind, long vectorCount)
    {
        Execute(transaction,
            "INSERT INTO versions (version, committed_at, kind, vector_count, documents) VALUES ($v, $at, $kind, $n, (SELECT count(*) FROM documents WHERE removed IS NULL))",
            ("$v", version), ("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture)), ("$kind", kind), ("$n", vectorCount));
        transaction.Commit();
        CurrentVersion = version;
    }

    /// <summary>
    /// Copies committed pages from the WAL into the database file without waiting for readers. Searches that find
    /// their pages in the main file instead of the WAL run several times faster, and a small knowledge base would
    /// otherwise never reach SQLite's automatic checkpoint threshold (1000 pages).
    /// </summary>
    private void Checkpoint()
    {
        if (!_inMemory)
        {
            SqliteSchema.Execute(_connection, "PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    private void Execute(SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand command = Command(sql, transaction, parameters);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, object Value)[] parameters)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Constant SQL; values are bound.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public void Dispose() => _connection.Dispose();
}
