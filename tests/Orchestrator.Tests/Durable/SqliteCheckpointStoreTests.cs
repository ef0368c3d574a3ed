using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HybridAI.Orchestrator.Tests.Durable;

public class SqliteCheckpointStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Checkpoint Sample(string runId, string workflow = "wf", int minute = 0, string? reason = "why") =>
        new(runId, workflow, "1.0", "review", "abc", """{"Text":"x"}""", reason, new DateTimeOffset(2026, 1, 1, 10, minute, 0, TimeSpan.FromHours(2)));

    [Fact]
    public async Task Saves_loads_lists_and_deletes()
    {
        await using var store = new SqliteCheckpointStore(_folder.File("c.db"));
        await store.SaveAsync(Sample("b", minute: 5));
        await store.SaveAsync(Sample("a", workflow: "other", minute: 1, reason: null));

        Assert.Equal(Sample("b", minute: 5), await store.LoadAsync("b"));
        Assert.Equal(Sample("a", workflow: "other", minute: 1, reason: null), await store.LoadAsync("a"));
        Assert.Null(await store.LoadAsync("zzz"));
        Assert.Equal(["a", "b"], (await store.ListAsync()).Select(c => c.RunId));
        Assert.Equal(["b"], (await store.ListAsync("wf")).Select(c => c.RunId));

        Assert.True(await store.DeleteAsync("b"));
        Assert.False(await store.DeleteAsync("b"));
        Assert.Equal(["a"], (await store.ListAsync()).Select(c => c.RunId));
    }

    [Fact]
    public async Task Saving_the_same_run_again_replaces_it()
    {
        await using var store = new SqliteCheckpointStore(_folder.File("c.db"));
        await store.SaveAsync(Sample("r"));
        var later = Sample("r") with { StepName = "second-gate" };
        await store.SaveAsync(later);
        Assert.Equal(later, Assert.Single(await store.ListAsync()));
    }

    [Fact]
    public async Task File_is_in_wal_mode()
    {
        var path = _folder.File("wal.db");
        await using var store = new SqliteCheckpointStore(path);
        await store.SaveAsync(Sample("r"));

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar() as string);
    }

    [Fact]
    public async Task Many_concurrent_writers_through_two_stores_all_land()
    {
        var path = _folder.File("busy.db");
        await using var first = new SqliteCheckpointStore(path);
        await using var second = new SqliteCheckpointStore(path);
        await first.ListAsync();

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? first : second).SaveAsync(Sample($"run-{i:00}")).AsTask()));

        Assert.Equal(40, (await second.ListAsync()).Count);
    }
}
