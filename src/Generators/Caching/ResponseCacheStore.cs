using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace HybridAI.Generators.Caching;

/// <summary>
/// The cache table in one SQLite file (WAL mode, one writer per instance). Entries are found by exact key, or by
/// partition and cosine similarity of their stored embedding.
/// </summary>
internal sealed class ResponseCacheStore : IDisposable
{
    // "HAIC": marks the file as a HybridAI response cache, so a foreign database is refused rather than altered.
    private const int ApplicationId = 0x48414943;

    private readonly string _path;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lazy<Task> _schema;

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

    /// <summary>The response of the live entry in <paramref name="partition"/> most similar to <paramref name="embedding"/>, if at or above <paramref name="threshold"/>.</summary>
    public async Task<string?> FindSimilarAsync(string partition, ReadOnlyMemory<float> embedding, float threshold, long nowMs, CancellationToken cancellationToken)
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
                // A cache may lose its last entries to a power cut (they are recomputed), never its consistency: WAL with
                // synchronous NORMAL skips the fsync per commit that FULL does, which cost milliseconds per miss.
                command.CommandText = """
                    PRAGMA synchronous = NORMAL;
                    INSERT INTO response_cache (key, partition, embedding, response, created_at, expires_at)
                    VALUES ($key, $partition, $embedding, $response, $created, $expires)
                    ON CONFLICT(key) DO UPDATE SET partition = excluded.partition, embedding = excluded.embedding,
                      response = excluded.response, created_at = excluded.created_at, expires_at = excluded.expires_at
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

    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        _writer.Dispose();
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
                using var command = connection.CreateCommand();
                // WAL lets readers (other processes included) go on while one writes; the mode is stored in the file.
                command.CommandText = $"""
                    PRAGMA journal_mode = WAL;
                    PRAGMA application_id = {ApplicationId};
                    CREATE TABLE IF NOT EXISTS response_cache (
                      key TEXT PRIMARY KEY,
                      partition TEXT NOT NULL,
                      embedding BLOB NULL,
                      response TEXT NOT NULL,
                      created_at INTEGER NOT NULL,
                      expires_at INTEGER NULL);
                    CREATE INDEX IF NOT EXISTS response_cache_by_partition ON response_cache (partition);
                    """;
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
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
