using HybridAI.Retrieval.Chunking;
using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>A document ready to be written: chunked and with its metadata serialised, done outside the write lock.</summary>
internal readonly record struct PreparedDocument(string Id, string Source, string MetadataJson, string Text, IReadOnlyList<DocumentChunk> Chunks);

/// <summary>The single write connection and its prepared statements. Callers hold the index's write lock.</summary>
internal sealed class IndexWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _deleteChunks;
    private readonly SqliteCommand _deleteDocument;
    private readonly SqliteCommand _upsertDocument;
    private readonly SqliteCommand _insertChunk;
    private readonly SqliteCommand _checkpoint;
    private readonly bool _inMemory;

    public IndexWriter(SqliteConnection connection, bool inMemory)
    {
        _connection = connection;
        _inMemory = inMemory;
        _checkpoint = Prepare("PRAGMA wal_checkpoint(PASSIVE)");
        _deleteChunks = Prepare("DELETE FROM chunks WHERE doc_id = $id", "$id");
        _deleteDocument = Prepare("DELETE FROM documents WHERE id = $id", "$id");
        _upsertDocument = Prepare(
            """
            INSERT INTO documents (id, source, metadata, text) VALUES ($id, $source, $metadata, $text)
            ON CONFLICT (id) DO UPDATE SET source = excluded.source, metadata = excluded.metadata, text = excluded.text
            """,
            "$id", "$source", "$metadata", "$text");
        _insertChunk = Prepare(
            "INSERT INTO chunks (chunk_id, doc_id, ordinal, start, length, text) VALUES ($chunk, $doc, $ordinal, $start, $length, $text)",
            "$chunk", "$doc", "$ordinal", "$start", "$length", "$text");
    }

    public SqliteConnection Connection => _connection;

    /// <summary>Replaces each document and all its chunks; the whole batch commits or none of it does.</summary>
    public void Upsert(IReadOnlyList<PreparedDocument> documents, CancellationToken cancellationToken)
    {
        using SqliteTransaction transaction = Begin();
        foreach (PreparedDocument document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _deleteChunks.Parameters[0].Value = document.Id;
            _deleteChunks.ExecuteNonQuery();

            _upsertDocument.Parameters[0].Value = document.Id;
            _upsertDocument.Parameters[1].Value = document.Source;
            _upsertDocument.Parameters[2].Value = document.MetadataJson;
            _upsertDocument.Parameters[3].Value = document.Text;
            _upsertDocument.ExecuteNonQuery();

            foreach (DocumentChunk chunk in document.Chunks)
            {
                _insertChunk.Parameters[0].Value = chunk.Id;
                _insertChunk.Parameters[1].Value = document.Id;
                _insertChunk.Parameters[2].Value = chunk.Ordinal;
                _insertChunk.Parameters[3].Value = chunk.Span.Start;
                _insertChunk.Parameters[4].Value = chunk.Span.Length;
                _insertChunk.Parameters[5].Value = chunk.Text;
                _insertChunk.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        Checkpoint();
    }

    public bool Delete(string documentId)
    {
        using SqliteTransaction transaction = Begin();
        _deleteChunks.Parameters[0].Value = documentId;
        _deleteChunks.ExecuteNonQuery();
        _deleteDocument.Parameters[0].Value = documentId;
        bool existed = _deleteDocument.ExecuteNonQuery() > 0;
        transaction.Commit();
        return existed;
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
            _checkpoint.ExecuteNonQuery();
        }
    }

    private SqliteTransaction Begin()
    {
        SqliteTransaction transaction = _connection.BeginTransaction();
        _deleteChunks.Transaction = transaction;
        _deleteDocument.Transaction = transaction;
        _upsertDocument.Transaction = transaction;
        _insertChunk.Transaction = transaction;
        return transaction;
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (string name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    public void Dispose()
    {
        _deleteChunks.Dispose();
        _deleteDocument.Dispose();
        _upsertDocument.Dispose();
        _insertChunk.Dispose();
        _checkpoint.Dispose();
        _connection.Dispose();
    }
}
