using System.Text;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;
using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>
/// One read connection with its prepared statements. Used by one search at a time (the index keeps a pool of them),
/// so the statements are compiled once and only rebound per query.
/// </summary>
internal sealed class IndexReader : IDisposable
{
    private const string SearchHead = """
        SELECT c.chunk_id, c.doc_id, c.text, -bm25(chunks_fts), d.source, c.start, c.length, d.metadata
        FROM chunks_fts
        JOIN chunks AS c ON c.row_id = chunks_fts.rowid
        JOIN documents AS d ON d.id = c.doc_id
        WHERE chunks_fts MATCH $match
        """;

    private const string SearchTail = " ORDER BY bm25(chunks_fts) LIMIT $top";

    private readonly SqliteConnection _connection;
    private readonly bool _ownsConnection;
    private readonly Dictionary<int, SqliteCommand> _searchByFilterCount = [];
    private SqliteCommand? _chunksOfDocument;

    public IndexReader(SqliteConnection connection, bool ownsConnection)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
    }

    public IReadOnlyList<SearchHit> Search(string match, int top, IReadOnlyDictionary<string, string>? filter)
    {
        int filterCount = filter?.Count ?? 0;
        SqliteCommand command = SearchCommand(filterCount);
        command.Parameters[0].Value = match;
        command.Parameters[1].Value = top;
        if (filterCount > 0)
        {
            int i = 0;
            foreach (KeyValuePair<string, string> pair in filter!)
            {
                command.Parameters[2 + (2 * i)].Value = "$.\"" + pair.Key + "\"";
                command.Parameters[3 + (2 * i)].Value = pair.Value ?? string.Empty;
                i++;
            }
        }

        var hits = new List<SearchHit>(Math.Min(top, 64));
        // Chunks of one document share its metadata; parse it once per search.
        Dictionary<string, IReadOnlyDictionary<string, string>>? metadataByDocument = null;
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string documentId = reader.GetString(1);
            string metadataJson = reader.GetString(7);
            IReadOnlyDictionary<string, string> metadata = MetadataJson.EmptyDictionary;
            if (metadataJson.Length > 2)
            {
                metadataByDocument ??= new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
                if (!metadataByDocument.TryGetValue(documentId, out metadata!))
                {
                    metadata = MetadataJson.Read(metadataJson);
                    metadataByDocument[documentId] = metadata;
                }
            }

            hits.Add(new SearchHit(
                reader.GetString(0),
                documentId,
                reader.GetString(2),
                reader.GetDouble(3),
                reader.GetString(4),
                new TextSpan(reader.GetInt32(5), reader.GetInt32(6)))
            { Metadata = metadata });
        }

        return hits;
    }

    public IReadOnlyList<DocumentChunk> ChunksOf(string documentId)
    {
        if (_chunksOfDocument is null)
        {
            _chunksOfDocument = _connection.CreateCommand();
            _chunksOfDocument.CommandText = "SELECT chunk_id, ordinal, text, start, length FROM chunks WHERE doc_id = $doc ORDER BY ordinal";
            _chunksOfDocument.Parameters.Add("$doc", SqliteType.Text);
            _chunksOfDocument.Prepare();
        }

        _chunksOfDocument.Parameters[0].Value = documentId;
        var chunks = new List<DocumentChunk>();
        using SqliteDataReader reader = _chunksOfDocument.ExecuteReader();
        while (reader.Read())
        {
            chunks.Add(new DocumentChunk(reader.GetString(0), documentId, reader.GetInt32(1), reader.GetString(2), new TextSpan(reader.GetInt32(3), reader.GetInt32(4))));
        }

        return chunks;
    }

    private SqliteCommand SearchCommand(int filterCount)
    {
        if (_searchByFilterCount.TryGetValue(filterCount, out SqliteCommand? command))
        {
            return command;
        }

        var sql = new StringBuilder(SearchHead);
        for (int i = 0; i < filterCount; i++)
        {
            sql.Append(" AND json_extract(d.metadata, $path").Append(i).Append(") = $value").Append(i);
        }

        sql.Append(SearchTail);
        command = _connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is built from constants and parameter names only; values are bound.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        command.Parameters.Add("$match", SqliteType.Text);
        command.Parameters.Add("$top", SqliteType.Integer);
        for (int i = 0; i < filterCount; i++)
        {
            command.Parameters.Add("$path" + i, SqliteType.Text);
            command.Parameters.Add("$value" + i, SqliteType.Text);
        }

        command.Prepare();
        _searchByFilterCount[filterCount] = command;
        return command;
    }

    public void Dispose()
    {
        foreach (SqliteCommand command in _searchByFilterCount.Values)
        {
            command.Dispose();
        }

        _chunksOfDocument?.Dispose();
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }
}
