using System.Text;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;
using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>A hit with the vector slot of its chunk (-1 when the chunk has no vector).</summary>
internal readonly record struct SlottedHit(SearchHit Hit, long Slot);

/// <summary>
/// One read connection with its prepared statements. Used by one search at a time (the index keeps a pool of them),
/// so the statements are compiled once and only rebound per query. Every query reads the rows live at one version.
/// </summary>
internal sealed class IndexReader : IDisposable
{
    private static string HitColumns(string score) => "c.chunk_id, c.doc_id, c.text, " + score + ", d.source, c.start, c.length, d.metadata, coalesce(c.vector_slot, -1)";

    private readonly SqliteConnection _connection;
    private readonly bool _ownsConnection;
    private readonly Dictionary<(string Kind, int Filters), SqliteCommand> _commands = [];

    public IndexReader(SqliteConnection connection, bool ownsConnection)
    {
        _connection = connection;
        _ownsConnection = ownsConnection;
    }

    /// <summary>BM25 keyword hits, best first.</summary>
    public List<SlottedHit> Search(string match, int top, IReadOnlyDictionary<string, string>? filter, long version)
    {
        SqliteCommand command = FilteredCommand("keyword", filter, static where => $"""
            SELECT {HitColumns("-bm25(chunks_fts)")}
            FROM chunks_fts
            JOIN chunks AS c ON c.row_id = chunks_fts.rowid
            JOIN documents AS d ON d.row_id = c.doc_row
            WHERE chunks_fts MATCH $match AND {SqliteSchema.LiveAt("c")}{where}
            ORDER BY bm25(chunks_fts) LIMIT $top
            """, "$match", "$top");
        command.Parameters["$match"].Value = match;
        command.Parameters["$top"].Value = top;
        Bind(command, filter, version);
        return ReadHits(command);
    }

    /// <summary>Vector slots of the chunks live at <paramref name="version"/> that pass <paramref name="filter"/>.</summary>
    public List<long> VectorSlots(IReadOnlyDictionary<string, string>? filter, long version)
    {
        SqliteCommand command = FilteredCommand("slots", filter, static where => $"""
            SELECT c.vector_slot FROM chunks AS c JOIN documents AS d ON d.row_id = c.doc_row
            WHERE c.vector_slot IS NOT NULL AND {SqliteSchema.LiveAt("c")}{where}
            """);
        Bind(command, filter, version);
        var slots = new List<long>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            slots.Add(reader.GetInt64(0));
        }

        return slots;
    }

    /// <summary>The hit of the chunk live at <paramref name="version"/> in each slot, scored as given.</summary>
    public List<SlottedHit> HitsOfSlots(IReadOnlyList<(long Slot, float Score)> slots, long version)
    {
        SqliteCommand command = FilteredCommand("slot", null, static _ => $"""
            SELECT {HitColumns("0.0")}
            FROM chunks AS c JOIN documents AS d ON d.row_id = c.doc_row
            WHERE c.vector_slot = $slot AND {SqliteSchema.LiveAt("c")}
            """, "$slot");
        command.Parameters["$v"].Value = version;
        var hits = new List<SlottedHit>(slots.Count);
        foreach ((long slot, float score) in slots)
        {
            command.Parameters["$slot"].Value = slot;
            foreach (SlottedHit hit in ReadHits(command))
            {
                hits.Add(hit with { Hit = hit.Hit with { Score = score } });
            }
        }

        return hits;
    }

    public IReadOnlyList<DocumentChunk> ChunksOf(string documentId, long version)
    {
        SqliteCommand command = FilteredCommand("chunks", null, static _ => $"""
            SELECT c.chunk_id, c.ordinal, c.text, c.start, c.length FROM chunks AS c
            WHERE c.doc_id = $doc AND {SqliteSchema.LiveAt("c")} ORDER BY c.ordinal
            """, "$doc");
        command.Parameters["$doc"].Value = documentId;
        command.Parameters["$v"].Value = version;
        var chunks = new List<DocumentChunk>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            chunks.Add(new DocumentChunk(reader.GetString(0), documentId, reader.GetInt32(1), reader.GetString(2), new TextSpan(reader.GetInt32(3), reader.GetInt32(4))));
        }

        return chunks;
    }

    public List<IndexVersion> Versions()
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = "SELECT version, committed_at, kind, documents FROM versions ORDER BY version";
        var versions = new List<IndexVersion>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            versions.Add(new IndexVersion(reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(2), reader.GetInt64(3)));
        }

        return versions;
    }

    private static void Bind(SqliteCommand command, IReadOnlyDictionary<string, string>? filter, long version)
    {
        command.Parameters["$v"].Value = version;
        int i = 0;
        foreach (KeyValuePair<string, string> pair in filter ?? MetadataJson.EmptyDictionary)
        {
            command.Parameters["$path" + i].Value = "$.\"" + pair.Key + "\"";
            command.Parameters["$value" + i].Value = pair.Value ?? string.Empty;
            i++;
        }
    }

    private static List<SlottedHit> ReadHits(SqliteCommand command)
    {
        var hits = new List<SlottedHit>();
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

            var hit = new SearchHit(reader.GetString(0), documentId, reader.GetString(2), reader.GetDouble(3), reader.GetString(4),
                new TextSpan(reader.GetInt32(5), reader.GetInt32(6)))
            { Metadata = metadata };
            hits.Add(new SlottedHit(hit, reader.GetInt64(8)));
        }

        return hits;
    }

    private SqliteCommand FilteredCommand(string kind, IReadOnlyDictionary<string, string>? filter, Func<string, string> sql, params string[] parameters)
    {
        int filterCount = filter?.Count ?? 0;
        if (_commands.TryGetValue((kind, filterCount), out SqliteCommand? command))
        {
            return command;
        }

        var where = new StringBuilder();
        for (int i = 0; i < filterCount; i++)
        {
            where.Append(" AND json_extract(d.metadata, $path").Append(i).Append(") = $value").Append(i);
        }

        command = _connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is built from constants and parameter names only; values are bound.
        command.CommandText = sql(where.ToString());
#pragma warning restore CA2100
        foreach (string name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Parameters.Add(new SqliteParameter { ParameterName = "$v" });
        for (int i = 0; i < filterCount; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$path" + i });
            command.Parameters.Add(new SqliteParameter { ParameterName = "$value" + i });
        }

        command.Prepare();
        _commands[(kind, filterCount)] = command;
        return command;
    }

    public void Dispose()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            command.Dispose();
        }

        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }
}
