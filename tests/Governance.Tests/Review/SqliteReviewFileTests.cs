using HybridAI.Governance.Review;
using HybridAI.Governance.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Tests.Review;

/// <summary>What only the SQLite review file does: open files written by earlier versions.</summary>
public sealed class SqliteReviewFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_review_file_from_before_roles_and_deadlines_opens_and_keeps_its_items()
    {
        var path = _dir.File("old.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE reviews (run_id TEXT PRIMARY KEY, workflow TEXT NOT NULL, step TEXT NOT NULL, reason TEXT NOT NULL, summary TEXT,
                  created_at TEXT NOT NULL, status TEXT NOT NULL, reviewer TEXT, comment TEXT, decided_at TEXT);
                INSERT INTO reviews VALUES ('old-run', 'triage', 'gate', 'urgent', NULL, '2026-01-01T00:00:00.0000000+00:00', 'Pending', NULL, NULL, NULL);
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var queue = new ReviewQueue(path);
        var item = Assert.Single(await queue.ListPendingAsync());
        Assert.Equal(("old-run", 0), (item.RunId, item.AllowedRoles.Count));
        Assert.Equal(ReviewStatus.Approved, (await queue.DecideAsync("old-run", new Reviewer("u-1", "any"), true)).Status);
    }
}
