using HybridAI.Generators.Caching;
using Microsoft.Data.Sqlite;

namespace HybridAI.Generators.Tests.Caching;

/// <summary>The store's in-memory vector index against the real SQLite file it mirrors.</summary>
public sealed class ResponseCacheStoreTests : IDisposable
{
    private const string Partition = "P";
    private const long Now = 1_700_000_000_000;
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("cache.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task An_upsert_replaces_the_vector_so_the_old_wording_no_longer_matches()
    {
        using var store = new ResponseCacheStore(Db);
        using var other = new ResponseCacheStore(Db); // another instance on the file, whose index is already loaded
        float[] before = [1, 0, 0, 0], after = [0, 1, 0, 0];
        await store.PutAsync("K", Partition, before, "old answer", Now, null, default);
        Assert.Equal("old answer", await store.FindSimilarAsync(Partition, before, 0.9f, Now, default));
        Assert.Equal("old answer", await other.FindSimilarAsync(Partition, before, 0.9f, Now, default));

        await store.PutAsync("K", Partition, after, "new answer", Now, null, default);

        foreach (var reader in new[] { store, other })
        {
            Assert.Null(await reader.FindSimilarAsync(Partition, before, 0.9f, Now, default));
            Assert.Equal("new answer", await reader.FindSimilarAsync(Partition, after, 0.9f, Now, default));
            Assert.Equal(1, reader.IndexedCount(Partition, 4));
        }
    }

    [Fact]
    public async Task An_entry_replaced_after_the_index_read_it_is_not_answered_with_its_old_vector()
    {
        using var store = new ResponseCacheStore(Db);
        float[] before = [1, 0, 0, 0], after = [0, 1, 0, 0];
        await store.PutAsync("K", Partition, before, "old answer", Now, null, default);
        Assert.Equal("old answer", await store.FindSimilarAsync(Partition, before, 0.9f, Now, default));

        // Another writer re-stores the key with a vector of another length: this 4-dimension index must drop the row's
        // old vector when it catches up, though the new vector is not one it holds.
        using var other = new ResponseCacheStore(Db);
        await other.PutAsync("K", Partition, new float[8], "other embedder", Now, null, default);

        Assert.Null(await store.FindSimilarAsync(Partition, before, 0.9f, Now, default));
        Assert.Equal(0, store.IndexedCount(Partition, 4));
        Assert.Equal("other embedder", await store.FindExactAsync("K", Now, default));
    }

    [Fact]
    public async Task Expired_entries_do_not_hit_and_are_swept_from_memory()
    {
        using var store = new ResponseCacheStore(Db);
        float[] vector = [1, 2, 3, 4];
        await store.PutAsync("short", Partition, vector, "short-lived", Now, Now + 1_000, default);
        await store.PutAsync("long", Partition, new float[] { 1, 2, 3, 3.5f }, "long-lived", Now, Now + 600_000, default);

        Assert.Equal("short-lived", await store.FindSimilarAsync(Partition, vector, 0.9f, Now + 999, default));
        Assert.Equal("long-lived", await store.FindSimilarAsync(Partition, vector, 0.9f, Now + 1_000, default));
        Assert.Null(await store.FindSimilarAsync(Partition, vector, 0.9f, Now + 600_000, default));
        Assert.Equal(0, store.IndexedCount(Partition, 4));
    }

    [Fact]
    public async Task Among_5000_entries_the_best_match_is_found_as_the_full_scan_finds_it()
    {
        const int Entries = 5_000, Dimensions = 64;
        var random = new Random(7);
        var stored = new float[Entries][];
        using (var writer = new ResponseCacheStore(Db))
        {
            for (var i = 0; i < Entries; i++)
            {
                stored[i] = RandomVector(random, Dimensions);
                await writer.PutAsync($"K{i}", Partition, stored[i], $"answer {i}", Now, null, default);
            }
            await writer.PutAsync("elsewhere", "other partition", stored[42], "other partition's answer", Now, null, default);
        }

        using var store = new ResponseCacheStore(Db);
        using var scan = new ResponseCacheStore(Db) { ScanForSimilar = true };
        foreach (var target in new[] { 0, 42, 2_500, 4_999 })
        {
            var query = stored[target].Select(x => x + ((float)random.NextDouble() - 0.5f) * 0.1f).ToArray();
            Assert.Equal($"answer {target}", await store.FindSimilarAsync(Partition, query, 0.9f, Now, default));
            Assert.Equal($"answer {target}", await scan.FindSimilarAsync(Partition, query, 0.9f, Now, default));
        }
        var unrelated = RandomVector(random, Dimensions);
        Assert.Null(await store.FindSimilarAsync(Partition, unrelated, 0.9f, Now, default));
        Assert.Equal(Entries, store.IndexedCount(Partition, Dimensions));
        Assert.Equal("other partition's answer", await store.FindSimilarAsync("other partition", stored[42], 0.9f, Now, default));
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_each_find_their_own_entries()
    {
        using var store = new ResponseCacheStore(Db);
        await Parallel.ForAsync(0, 8, async (worker, ct) =>
        {
            for (var i = 0; i < 25; i++)
            {
                var vector = new float[16];
                vector[worker] = 1;
                vector[8 + (i % 8)] = 0.2f + i;
                await store.PutAsync($"W{worker}-{i}", Partition, vector, $"worker {worker} item {i}", Now, null, ct);
                Assert.Equal($"worker {worker} item {i}", await store.FindSimilarAsync(Partition, vector, 0.9999f, Now, ct));
            }
        });
        Assert.Equal(200, store.IndexedCount(Partition, 16));
    }

    [Fact]
    public async Task A_cache_file_written_before_the_index_opens_and_hits()
    {
        float[] vector = [3, 4];
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA journal_mode = WAL;
                PRAGMA application_id = 1212238147;
                CREATE TABLE response_cache (key TEXT PRIMARY KEY, partition TEXT NOT NULL, embedding BLOB NULL,
                  response TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NULL);
                CREATE INDEX response_cache_by_partition ON response_cache (partition);
                INSERT INTO response_cache VALUES ('old key', 'P', $embedding, 'from the old file', 1, NULL);
                """;
            command.Parameters.AddWithValue("$embedding", vector.SelectMany(BitConverter.GetBytes).ToArray());
            command.ExecuteNonQuery();
        }

        using var store = new ResponseCacheStore(Db);
        Assert.Equal("from the old file", await store.FindExactAsync("old key", Now, default));
        Assert.Equal("from the old file", await store.FindSimilarAsync(Partition, new float[] { 6, 8.1f }, 0.99f, Now, default));
        await store.PutAsync("new key", Partition, new float[] { -4, 3 }, "written after the upgrade", Now, null, default);
        Assert.Equal("written after the upgrade", await store.FindSimilarAsync(Partition, new float[] { -4, 3 }, 0.99f, Now, default));

        using var reopened = new ResponseCacheStore(Db); // the column is added once, not again
        Assert.Equal("from the old file", await reopened.FindSimilarAsync(Partition, vector, 0.99f, Now, default));
    }

    private static float[] RandomVector(Random random, int dimensions)
    {
        var vector = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = (float)random.NextDouble() - 0.5f;
        }
        return vector;
    }
}
