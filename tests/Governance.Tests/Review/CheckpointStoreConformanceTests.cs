using HybridAI.Governance.Review;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Tests.Review;

/// <summary>
/// What every <see cref="ICheckpointStore"/> must do, run against each one: in memory, the SQLite file, the review
/// queue's own (SQLite and PostgreSQL) and the PostgreSQL store. Server backends run when HYBRIDAI_POSTGRES_CONNECTION
/// is set, and always under CI=true.
/// </summary>
public sealed class CheckpointStoreConformanceTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _schema = "cps_" + Guid.NewGuid().ToString("N")[..12];
    private readonly List<IAsyncDisposable> _open = [];
    private bool _usedPostgres;

    public static TheoryData<string> Stores()
    {
        var stores = new TheoryData<string> { "memory", "sqlite", "queue-sqlite" };
        foreach (var server in GatedReviewTests.Backends())
        {
            if (server == "postgres")
            {
                stores.Add("postgres");
                stores.Add("queue-postgres");
            }
        }
        return stores;
    }

    private ICheckpointStore Open(string store)
    {
        switch (store)
        {
            case "memory":
                return new InMemoryCheckpointStore();
            case "sqlite":
                var sqlite = new SqliteCheckpointStore(_dir.File("checkpoints.db"));
                _open.Add(sqlite);
                return sqlite;
            case "queue-sqlite":
                var queue = new ReviewQueue(_dir.File("reviews.db"));
                _open.Add(queue);
                return queue.Checkpoints;
            case "postgres":
                _usedPostgres = true;
                var pg = new PostgresCheckpointStore(PostgresGatedReviewTests.Connection, _schema);
                _open.Add(pg);
                return pg;
            default:
                _usedPostgres = true;
                var pgQueue = ReviewQueue.OpenPostgres(PostgresGatedReviewTests.Connection, _schema);
                _open.Add(pgQueue);
                return pgQueue.Checkpoints;
        }
    }

    private static Checkpoint Make(string runId, string workflow, int minutes, string state = "{\"n\":1}") =>
        new(runId, workflow, "1", "gate", "hash-1", state, "why", GatedReviewTests.T0.AddMinutes(minutes));

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Save_load_replace_list_and_delete(string store)
    {
        var checkpoints = Open(store);
        Assert.Null(await checkpoints.LoadAsync("run-a"));

        await checkpoints.SaveAsync(Make("run-b", "claims", 5));
        await checkpoints.SaveAsync(Make("run-a", "claims", 1));
        await checkpoints.SaveAsync(Make("run-c", "triage", 3));
        await checkpoints.SaveAsync(Make("run-a", "claims", 2, "{\"n\":2}"));

        var a = (await checkpoints.LoadAsync("run-a"))!;
        Assert.Equal(("{\"n\":2}", GatedReviewTests.T0.AddMinutes(2), "why"), (a.StateJson, a.CreatedAt, a.Reason));
        Assert.Equal(["run-a", "run-c", "run-b"], (await checkpoints.ListAsync()).Select(c => c.RunId));
        Assert.Equal(["run-a", "run-b"], (await checkpoints.ListAsync("claims")).Select(c => c.RunId));

        Assert.True(await checkpoints.DeleteAsync("run-a"));
        Assert.False(await checkpoints.DeleteAsync("run-a"));
        Assert.Null(await checkpoints.LoadAsync("run-a"));
        Assert.Equal(["run-c", "run-b"], (await checkpoints.ListAsync()).Select(c => c.RunId));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var d in _open)
            await d.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_usedPostgres)
            await PostgresGatedReviewTests.DropSchemaAsync(_schema);
    }

    public void Dispose() => _dir.Dispose();
}
