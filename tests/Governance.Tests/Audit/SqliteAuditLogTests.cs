using HybridAI.Governance.Audit;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Tests.Audit;

public class SqliteAuditLogTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static AuditEvent Event(string runId, int index, AuditEventType type = AuditEventType.StepCompleted) => new()
    {
        Timestamp = T0.AddMilliseconds(index),
        RunId = runId,
        Workflow = "ticket-triage",
        WorkflowVersion = "1.0",
        Step = $"step-{index}",
        StepIndex = index,
        Kind = StepKind.Classify,
        EventType = type,
        Outcome = $"label=billing n={index}",
        Duration = TimeSpan.FromMicroseconds(index + 1),
    };

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Events_are_stored_in_order_with_every_field()
    {
        var path = _dir.File("audit.db");
        await using (var log = new SqliteAuditLog(path))
        {
            for (var i = 0; i < 5; i++)
                await log.WriteAsync(Event("run-1", i));
            await log.WriteAsync(Event("run-2", 0) with { EventType = AuditEventType.StepFailed, ErrorType = "System.TimeoutException", ErrorMessage = "took too long" });
            await log.FlushAsync();

            var events = await log.ReadAsync("run-1");
            Assert.Equal([0, 1, 2, 3, 4], events.Select(e => e.StepIndex));
            Assert.Equal(Event("run-1", 3), events[3]);

            var failed = Assert.Single(await log.ReadAsync("run-2"));
            Assert.Equal(AuditEventType.StepFailed, failed.EventType);
            Assert.Equal("System.TimeoutException", failed.ErrorType);
            Assert.Equal("took too long", failed.ErrorMessage);
        }
    }

    [Fact]
    public async Task Dispose_stores_everything_still_queued_across_many_batches()
    {
        var path = _dir.File("audit.db");
        await using (var log = new SqliteAuditLog(path, batchSize: 7))
        {
            for (var i = 0; i < 1000; i++)
                await log.WriteAsync(Event("run-1", i));
        }
        await using var reopened = new SqliteAuditLog(path);
        var events = await reopened.ReadAsync("run-1");
        Assert.Equal(Enumerable.Range(0, 1000), events.Select(e => e.StepIndex));
        Assert.True((await SqliteAuditLog.VerifyAsync(path)).IsValid);
    }

    [Fact]
    public async Task Concurrent_writers_all_land_in_one_valid_chain()
    {
        var path = _dir.File("audit.db");
        await using (var log = new SqliteAuditLog(path, batchSize: 64, capacity: 100))
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < 300; i++)
                    await log.WriteAsync(Event($"run-{w}", i));
            })));
            await log.FlushAsync();
            for (var w = 0; w < 8; w++)
                Assert.Equal(Enumerable.Range(0, 300), (await log.ReadAsync($"run-{w}")).Select(e => e.StepIndex));
        }
        Assert.Equal(new AuditVerification(true, 2400, null, null), await SqliteAuditLog.VerifyAsync(path));
    }

    [Fact]
    public async Task Hash_chain_verifies_and_continues_after_reopen()
    {
        var path = _dir.File("audit.db");
        await using (var log = new SqliteAuditLog(path))
        {
            for (var i = 0; i < 10; i++)
                await log.WriteAsync(Event("run-1", i));
        }
        await using (var log = new SqliteAuditLog(path))
        {
            for (var i = 10; i < 20; i++)
                await log.WriteAsync(Event("run-1", i));
        }
        var check = await SqliteAuditLog.VerifyAsync(path);
        Assert.Equal(new AuditVerification(true, 20, null, null), check);
    }

    [Fact]
    public async Task Empty_null_and_non_ascii_text_is_stored_exactly_and_the_chain_verifies()
    {
        var path = _dir.File("audit.db");
        var empty = Event("run-é", 0) with { Outcome = "", Step = null, ErrorType = "", ErrorMessage = "échec «délai» 日本" };
        await using (var log = new SqliteAuditLog(path))
        {
            await log.WriteAsync(empty);
            await log.FlushAsync();
            var back = Assert.Single(await log.ReadAsync("run-é"));
            Assert.Equal("", back.Outcome);
            Assert.Null(back.Step);
            Assert.Equal("", back.ErrorType);
            Assert.Equal("échec «délai» 日本", back.ErrorMessage);
        }

        Assert.True((await SqliteAuditLog.VerifyAsync(path)).IsValid);
    }

    [Fact]
    public async Task Editing_a_row_is_detected_at_that_row()
    {
        var path = _dir.File("audit.db");
        await using (var log = new SqliteAuditLog(path))
        {
            for (var i = 0; i < 10; i++)
                await log.WriteAsync(Event("run-1", i));
        }
        await ExecuteAsync(path, "UPDATE audit_events SET outcome = 'label=refund n=6' WHERE id = 7");

        var check = await SqliteAuditLog.VerifyAsync(path);
        Assert.False(check.IsValid);
        Assert.Equal(7, check.FirstBadRowId);
    }

    [Fact]
    public async Task Deleting_a_row_is_detected_at_the_next_row()
    {
        var path = _dir.File("audit.db");
        await using (var log = new SqliteAuditLog(path))
        {
            for (var i = 0; i < 10; i++)
                await log.WriteAsync(Event("run-1", i));
        }
        await ExecuteAsync(path, "DELETE FROM audit_events WHERE id = 4");

        var check = await SqliteAuditLog.VerifyAsync(path);
        Assert.False(check.IsValid);
        Assert.Equal(5, check.FirstBadRowId);
    }

    [Fact]
    public async Task Deleting_a_row_and_renumbering_is_still_detected()
    {
        var path = _dir.File("audit.db");
        await using (var log = new SqliteAuditLog(path))
        {
            for (var i = 0; i < 10; i++)
                await log.WriteAsync(Event("run-1", i));
        }
        await ExecuteAsync(path, "DELETE FROM audit_events WHERE id = 4; UPDATE audit_events SET id = id - 1 WHERE id > 4;");

        var check = await SqliteAuditLog.VerifyAsync(path);
        Assert.False(check.IsValid);
        Assert.Equal(4, check.FirstBadRowId);
    }

    [Fact]
    public async Task Deleting_the_last_rows_is_detected_by_the_chain_head()
    {
        var path = _dir.File("audit.db");
        await using (var log = new SqliteAuditLog(path))
        {
            for (var i = 0; i < 10; i++)
                await log.WriteAsync(Event("run-1", i));
        }
        await ExecuteAsync(path, "DELETE FROM audit_events WHERE id >= 9");

        var check = await SqliteAuditLog.VerifyAsync(path);
        Assert.False(check.IsValid);
        Assert.Equal(9, check.FirstBadRowId);
    }

    [Fact]
    public async Task File_uses_wal_journal()
    {
        var path = _dir.File("audit.db");
        await using var log = new SqliteAuditLog(path);
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Writing_after_dispose_fails_clearly()
    {
        var log = new SqliteAuditLog(_dir.File("audit.db"));
        await log.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => log.WriteAsync(Event("run-1", 0)).AsTask());
    }

    [Fact]
    public async Task Verify_of_a_missing_file_names_the_file()
    {
        var path = _dir.File("missing.db");
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => SqliteAuditLog.VerifyAsync(path));
        Assert.Contains("missing.db", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_written_while_another_process_locks_the_file_are_stored_once_it_is_released()
    {
        var path = _dir.File("audit.db");
        await using var log = new SqliteAuditLog(path, batchSize: 16);
        await log.WriteAsync(Event("run-1", 0));
        await log.FlushAsync();

        var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await holder.OpenAsync();
        // Another writer's open write transaction (BEGIN IMMEDIATE) holds the file's write lock.
        var other = holder.BeginTransaction();
        await using (var lockIt = holder.CreateCommand())
        {
            lockIt.Transaction = other;
            lockIt.CommandText = "UPDATE audit_head SET last_id = last_id;";
            await lockIt.ExecuteNonQueryAsync();
        }
        for (var i = 1; i < 100; i++)
            await log.WriteAsync(Event("run-1", i));
        var flushed = log.FlushAsync();
        await Task.Delay(300);
        Assert.False(flushed.IsCompleted); // the writer waits on the lock instead of dropping the batch
        other.Rollback(); // releases the lock
        await holder.DisposeAsync();

        await flushed;
        Assert.Equal(Enumerable.Range(0, 100), (await log.ReadAsync("run-1")).Select(e => e.StepIndex));
        Assert.Equal(new AuditVerification(true, 100, null, null), await SqliteAuditLog.VerifyAsync(path));
    }
}
