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

    [Fact]
    public async Task A_review_file_from_before_resume_leases_gains_the_claim_columns_and_its_stuck_claim_is_recovered()
    {
        var path = _dir.File("leased.db");
        await using (var old = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            // The previous version: resume claims were only resumed_at, and this one's process died with the checkpoint left.
            create.CommandText = """
                CREATE TABLE reviews (run_id TEXT PRIMARY KEY, workflow TEXT NOT NULL, step TEXT NOT NULL, reason TEXT NOT NULL, summary TEXT,
                  created_at TEXT NOT NULL, status TEXT NOT NULL, reviewer TEXT, comment TEXT, decided_at TEXT, workflow_version TEXT,
                  allowed_roles TEXT, escalation_role TEXT, escalate_at TEXT, reject_at TEXT, escalated_at TEXT, editable_fields TEXT,
                  reviewer_role TEXT, edits_json TEXT, resumed_at TEXT);
                CREATE TABLE checkpoints (run_id TEXT PRIMARY KEY, workflow_name TEXT NOT NULL, workflow_version TEXT NOT NULL, step_name TEXT NOT NULL,
                  schema_hash TEXT NOT NULL, state_json TEXT NOT NULL, reason TEXT NULL, created_at TEXT NOT NULL);
                INSERT INTO reviews (run_id, workflow, step, reason, created_at, status, reviewer, decided_at, resumed_at)
                  VALUES ('stuck', 'refund-approval', 'risk-review', 'risky', '2026-03-01T08:00:00.0000000+00:00', 'Approved', 'u-1',
                  '2026-03-01T08:10:00.0000000+00:00', '2026-03-01T08:20:00.0000000+00:00');
                INSERT INTO checkpoints VALUES ('stuck', 'refund-approval', '1', 'risk-review', 'h', '{}', NULL, '2026-03-01T08:00:00.0000000+00:00');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 25, 0, TimeSpan.Zero));
        await using var queue = new ReviewQueue(path, clock);
        Assert.Empty(await queue.ListAwaitingResumeAsync());
        clock.Advance(TimeSpan.FromMinutes(5));
        var stuck = Assert.Single(await queue.ListAwaitingResumeAsync());
        Assert.Equal(("stuck", null), (stuck.RunId, stuck.ClaimedAt));

        var (_, token) = await queue.ClaimResumeAsync("stuck", requireCheckpoint: true, CancellationToken.None);

        Assert.Equal(32, token.Length);
        Assert.Equal(clock.GetUtcNow(), (await queue.GetAsync("stuck"))!.ClaimedAt);
        Assert.Empty(await queue.ListAwaitingResumeAsync());
    }
}
