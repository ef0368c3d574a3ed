using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace HybridAI.Generators.Caching;

/// <summary>
/// The cache table in one SQLite file (WAL mode, one writer per instance). Entries are found by exact key, or by
/// partition and cosine similarity of their stored embedding, searched in a <see cref="PartitionVectors"/> per
/// partition and embedding length that catches up with the file through the partition's <c>seq</c> numbers.
/// </summary>
internal sealed class ResponseCacheStore : IDisposable
{
    // "HAIC": marks the file as a HybridAI response cache, so a foreign database is refused rather than altered.
    private const int ApplicationId = 0x48414943;

    private readonly string _path;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    // A unit-vector dot product can round a hair below the cosine it stands for (1 for identical vectors).
    private const float RoundingSlack = 1e-6f;

    private readonly Lazy<Task> _schema;
    private readonly ConcurrentDictionary<(string Partition, int Dimensions), PartitionVectors> _partitions = new();

    public ResponseCacheStore(string path)
    {
        _path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    public async Task<string?> FindExactAsync(string key, long nowMs, CancellationToken cancellationToken)
    {
        await _schema.Value.ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT response FROM response_cache WHERE key = $key AND (expires_at IS NULL OR expires_at > $now)";
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$now", nowMs);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    /// <summary>
    /// The response of the live entry in <paramref name="partition"/> most similar to <paramref name="embedding"/>, if at
    /// or above <paramref name="threshold"/>. Searches the partition's in-memory vectors after reading the rows written
    /// since the last look-up (by this instance or any other on the file); only the best row's response is read.
    /// </summary>
    public async Task<string?> FindSimilarAsync(string partition, ReadOnlyMemory<float> embedding, float threshold, long nowMs, CancellationToken cancellationToken)
    {
        await _schema.Value.ConfigureAwait(false);
        if (ScanForSimilar)
        {
            return await ScanSimilarAsync(partition, embedding, threshold, nowMs, cancellationToken).ConfigureAwait(false);
        }
        var dimensions = embedding.Length;
        var query = ArrayPool<float>.Shared.Rent(dimensions);
        try
        {
            if (!PartitionVectors.TryNormalize(embedding.Span, query.AsSpan(0, dimensions)))
            {
                return null; // a zero vector is similar to nothing
            }
            var vectors = _partitions.GetOrAdd((partition, dimensions), static key => new PartitionVectors(key.Dimensions));
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await CatchUpAsync(connection, partition, vectors, nowMs, cancellationToken).ConfigureAwait(false);
                vectors.SweepIfDue(nowMs);
                while (vectors.FindBest(query.AsSpan(0, dimensions), nowMs) is { } best && best.Score >= threshold - RoundingSlack)
                {
                    if (await ReadResponseAsync(connection, best, nowMs, cancellationToken).ConfigureAwait(false) is { } response)
                    {
                        return response;
                    }
                    vectors.Remove(best.RowId, best.Seq); // replaced or expired since it was read: try the next best
                }
                return null;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(query);
        }
    }

    /// <summary>How many vectors the in-memory index holds for <paramref name="partition"/> at <paramref name="dimensions"/>.</summary>
    internal int IndexedCount(string partition, int dimensions) =>
        _partitions.TryGetValue((partition, dimensions), out var vectors) ? vectors.Count : 0;

    /// <summary>For the bench's "before" figures: search by reading every row of the partition from SQLite, as before the index.</summary>
    internal bool ScanForSimilar { get; set; }

    public async Task PutAsync(string key, string partition, ReadOnlyMemory<float>? embedding, string response, long nowMs, long? expiresAtMs, CancellationToken cancellationToken)
    {
        await _schema.Value.ConfigureAwait(false);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                // seq numbers the partition's writes (an update included) in commit order: the statement holds the write
                // lock from its start, so readers catch up with "seq > last seen" and never miss or keep a stale vector.
                // A cache may lose its last entries to a power cut (they are recomputed), never its consistency: WAL with
                // synchronous NORMAL skips the fsync per commit that FULL does, which cost milliseconds per miss.
                command.CommandText = """
                    PRAGMA synchronous = NORMAL;
                    INSERT INTO response_cache (key, partition, embedding, response, created_at, expires_at, seq)
                    VALUES ($key, $partition, $embedding, $response, $created, $expires,
                      (SELECT coalesce(max(seq), 0) + 1 FROM response_cache WHERE partition = $partition))
                    ON CONFLICT(key) DO UPDATE SET partition = excluded.partition, embedding = excluded.embedding,
                      response = excluded.response, created_at = excluded.created_at, expires_at = excluded.expires_at,
                      seq = excluded.seq
                    """;
                command.Parameters.AddWithValue("$key", key);
                command.Parameters.AddWithValue("$partition", partition);
                command.Parameters.AddWithValue("$embedding", embedding is { } e ? MemoryMarshal.AsBytes(e.Span).ToArray() : DBNull.Value);
                command.Parameters.AddWithValue("$response", response);
                command.Parameters.AddWithValue("$created", nowMs);
                command.Parameters.AddWithValue("$expires", expiresAtMs is { } x ? x : DBNull.Value);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    // The look-up before the in-memory index: every row of the partition read from SQLite. Kept as the reference the
    // tests compare the index with, and for the bench's before/after figures.
    private async Task<string?> ScanSimilarAsync(string partition, ReadOnlyMemory<float> embedding, float threshold, long nowMs, CancellationToken cancellationToken)
    {
        await _schema.Value.ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT embedding, response FROM response_cache
                WHERE partition = $partition AND embedding IS NOT NULL AND (expires_at IS NULL OR expires_at > $now)
                """;
            command.Parameters.AddWithValue("$partition", partition);
            command.Parameters.AddWithValue("$now", nowMs);
            string? best = null;
            var bestScore = float.NegativeInfinity;
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var stored = MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(0));
                    if (stored.Length != embedding.Length)
                    {
                        continue; // stored by another embedder
                    }
                    var score = TensorPrimitives.CosineSimilarity(stored, embedding.Span);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = reader.GetString(1);
                    }
                }
            }
            return bestScore >= threshold ? best : null;
        }
    }

    // Rows are read in seq order, so LastSeq always ends at the highest one read, skipped rows included.
    private static async Task CatchUpAsync(SqliteConnection connection, string partition, PartitionVectors vectors, long nowMs, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT rowid, seq, expires_at, CASE WHEN length(embedding) = $bytes THEN embedding END
            FROM response_cache WHERE partition = $partition AND seq > $last ORDER BY seq
            """;
        command.Parameters.AddWithValue("$bytes", vectors.Dimensions * sizeof(float));
        command.Parameters.AddWithValue("$partition", partition);
        command.Parameters.AddWithValue("$last", vectors.LastSeq);
        List<PartitionVectors.StoredRow>? rows = null;
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows ??= [];
                rows.Add(new PartitionVectors.StoredRow(
                    reader.GetInt64(0),
                    reader.GetInt64(1),
                    reader.IsDBNull(2) ? long.MaxValue : reader.GetInt64(2),
                    reader.IsDBNull(3) ? null : (byte[])reader.GetValue(3)));
            }
        }
        if (rows is not null)
        {
            vectors.Apply(rows, nowMs);
        }
    }

    // By rowid and seq: a row replaced since the index read it has a new seq and reads as missing.
    private static async Task<string?> ReadResponseAsync(SqliteConnection connection, PartitionVectors.Candidate best, long nowMs, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT response FROM response_cache WHERE rowid = $rowid AND seq = $seq AND (expires_at IS NULL OR expires_at > $now)";
        command.Parameters.AddWithValue("$rowid", best.RowId);
        command.Parameters.AddWithValue("$seq", best.Seq);
        command.Parameters.AddWithValue("$now", nowMs);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        _writer.Dispose();
        foreach (var vectors in _partitions.Values)
        {
            vectors.Dispose();
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using (var check = connection.CreateCommand())
                {
                    check.CommandText = "PRAGMA application_id";
                    var id = Convert.ToInt64(await check.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                    check.CommandText = "SELECT count(*) FROM sqlite_master";
                    var objects = Convert.ToInt64(await check.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                    if (id != ApplicationId && (id != 0 || objects != 0))
                    {
                        throw new InvalidDataException($"The file '{_path}' is a SQLite database of something else, not a HybridAI response cache.");
                    }
                }
                using (var wal = connection.CreateCommand())
                {
                    // WAL lets readers (other processes included) go on while one writes; the mode is stored in the file.
                    wal.CommandText = "PRAGMA journal_mode = WAL";
                    await wal.ExecuteNonQueryAsync().ConfigureAwait(false);
                }
                // Immediate: two processes opening an old file at once must not both add the seq column.
                using (var transaction = connection.BeginTransaction(deferred: false))
                {
                    using var command = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = $"""
                        PRAGMA application_id = {ApplicationId};
                        CREATE TABLE IF NOT EXISTS response_cache (
                          key TEXT PRIMARY KEY,
                          partition TEXT NOT NULL,
                          embedding BLOB NULL,
                          response TEXT NOT NULL,
                          created_at INTEGER NOT NULL,
                          expires_at INTEGER NULL,
                          seq INTEGER NULL);
                        SELECT count(*) FROM pragma_table_info('response_cache') WHERE name = 'seq';
                        """;
                    var hasSeq = Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture) != 0;
                    // A file written before the in-memory index has no seq: rowids are unique and in write order, so
                    // they serve as the first seq numbers.
                    command.CommandText = (hasSeq ? "" : "ALTER TABLE response_cache ADD COLUMN seq INTEGER NULL; UPDATE response_cache SET seq = rowid;") + """
                        CREATE INDEX IF NOT EXISTS response_cache_by_partition_seq ON response_cache (partition, seq);
                        DROP INDEX IF EXISTS response_cache_by_partition;
                        """;
                    await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                    transaction.Commit();
                }
            }
        }
        catch (SqliteException ex)
        {
            throw new InvalidDataException($"The file '{_path}' could not be opened as a HybridAI response cache: it is not a SQLite database or it is damaged (SQLite error {ex.SqliteErrorCode}).", ex);
        }
        finally
        {
            _writer.Release();
        }
    }
}
