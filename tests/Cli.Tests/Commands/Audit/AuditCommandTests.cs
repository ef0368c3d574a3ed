using System.Text.Json;
using HybridAI.Cli.Tests.Support;
using HybridAI.Governance.Audit;
using HybridAI.Orchestrator;
using Microsoft.Data.Sqlite;

namespace HybridAI.Cli.Tests.Commands.Audit;

public sealed class AuditCommandTests : IDisposable
{
    private static readonly DateTimeOffset Jan1 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridai-audit-cli-").FullName;
    private readonly CliConsole _cli = new();

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string FilePath(string name) => Path.Combine(_dir, name);

    /// <summary>One event a day from 2026-01-01, alternating two runs.</summary>
    private static AuditEvent Event(int day) => new()
    {
        Timestamp = Jan1.AddDays(day),
        RunId = day % 2 == 0 ? "run-even" : "run-odd",
        Workflow = "ticket-triage",
        WorkflowVersion = "1.0",
        Step = "classify",
        StepIndex = day,
        Kind = StepKind.Classify,
        EventType = AuditEventType.StepCompleted,
        Outcome = $"label=billing, day \"{day}\"",
        Duration = TimeSpan.FromMilliseconds(3),
    };

    private static async Task FillAsync(IAuditLog log, int days)
    {
        await using (log)
        {
            for (var d = 0; d < days; d++)
                await log.WriteAsync(Event(d));
        }
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private void AssertCleanError(string path)
    {
        Assert.Contains(path, _cli.Flat, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_prints_ok_with_the_record_count_for_sqlite_and_jsonl()
    {
        await FillAsync(new SqliteAuditLog(FilePath("audit.db")), 20);
        await FillAsync(new JsonlAuditLog(FilePath("audit.jsonl")), 12);

        Assert.Equal(0, await _cli.RunAsync("audit", "verify", "--db", FilePath("audit.db")));
        Assert.StartsWith("OK: 20 records", _cli.Output, StringComparison.Ordinal);
        Assert.Equal(0, await _cli.RunAsync("audit", "verify", "--jsonl", FilePath("audit.jsonl")));
        Assert.StartsWith("OK: 12 records", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_names_the_first_bad_record_and_exits_non_zero()
    {
        var db = FilePath("audit.db");
        await FillAsync(new SqliteAuditLog(db), 10);
        await ExecuteAsync(db, "UPDATE audit_events SET outcome = 'label=refund' WHERE id = 7");

        Assert.Equal(1, await _cli.RunAsync("audit", "verify", "--db", db));
        Assert.Contains("BROKEN at record 7", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("does not match its hash", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_of_an_edited_jsonl_line_names_the_record_and_its_line()
    {
        var file = FilePath("audit.jsonl");
        await FillAsync(new JsonlAuditLog(file), 6);
        var lines = await File.ReadAllLinesAsync(file);
        lines[3] = lines[3].Replace("label=billing", "label=refund", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(file, lines);

        Assert.Equal(1, await _cli.RunAsync("audit", "verify", "--jsonl", file));
        Assert.Contains("BROKEN at record 4", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("line 4", _cli.Flat, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task Verify_reads_a_postgres_log_through_the_named_environment_variable()
    {
        var connection = Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION")!;
        var schema = $"audit_cli_{Guid.NewGuid():N}"[..30];
        try
        {
            await FillAsync(await PostgresAuditLog.OpenAsync(connection, schema), 5);
            Assert.Equal(0, await _cli.RunAsync("audit", "verify", "--postgres", "HYBRIDAI_POSTGRES_CONNECTION", "--schema", schema));
            Assert.StartsWith("OK: 5 records", _cli.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", _cli.Output, StringComparison.OrdinalIgnoreCase);

            Assert.Equal(0, await _cli.RunAsync("audit", "export", "--postgres", "HYBRIDAI_POSTGRES_CONNECTION", "--schema", schema, "--from", "2026-01-02", "--to", "2026-01-03"));
            Assert.Equal([2L, 3], _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetInt64()));
        }
        finally
        {
            await using var source = Npgsql.NpgsqlDataSource.Create(connection);
            await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task Verify_names_an_unset_environment_variable()
    {
        Assert.Equal(2, await _cli.RunAsync("audit", "verify", "--postgres", "HYBRIDAI_NO_SUCH_VARIABLE"));
        Assert.Contains("HYBRIDAI_NO_SUCH_VARIABLE", _cli.Flat, StringComparison.Ordinal);
        Assert.Contains("not set", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_window_as_json_lines_with_both_dates_inclusive()
    {
        var db = FilePath("audit.db");
        await FillAsync(new SqliteAuditLog(db), 10);

        Assert.Equal(0, await _cli.RunAsync("audit", "export", "--db", db, "--from", "2026-01-03", "--to", "2026-01-06"));
        var rows = _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([3L, 4, 5, 6], rows.Select(r => r.GetProperty("id").GetInt64()));
        Assert.Equal("2026-01-03T08:00:00.0000000Z", rows[0].GetProperty("ts").GetString());
        Assert.Equal("label=billing, day \"2\"", rows[0].GetProperty("outcome").GetString());
        Assert.False(rows[0].TryGetProperty("model", out _));

        Assert.Equal(0, await _cli.RunAsync("audit", "export", "--db", db, "--from", "2026-01-01", "--to", "2026-12-31", "--run", "run-odd"));
        Assert.Equal(5, _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Export_writes_csv_with_a_header_and_quoted_fields()
    {
        var file = FilePath("audit.jsonl");
        await FillAsync(new JsonlAuditLog(file), 3);

        Assert.Equal(0, await _cli.RunAsync("audit", "export", "--jsonl", file, "--from", "2026-01-01", "--to", "2026-01-02", "--format", "csv"));
        var lines = _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,ts,run_id,workflow,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("1,2026-01-01T08:00:00.0000000Z,run-even,ticket-triage,1.0,classify,0,Classify,StepCompleted,\"label=billing, day \"\"0\"\"\",", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_random_bytes_is_reported_as_corrupt_naming_the_file()
    {
        var db = FilePath("random.db");
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(db, bytes);

        Assert.Equal(2, await _cli.RunAsync("audit", "verify", "--db", db));
        Assert.Contains("corrupt", _cli.Flat, StringComparison.Ordinal);
        AssertCleanError(db);
        Assert.Equal(2, await _cli.RunAsync("audit", "export", "--db", db, "--from", "2026-01-01", "--to", "2026-12-31"));
        AssertCleanError(db);
    }

    [Fact]
    public async Task A_truncated_file_is_reported_naming_the_file()
    {
        var db = FilePath("truncated.db");
        await FillAsync(new SqliteAuditLog(db), 2000);
        var bytes = await File.ReadAllBytesAsync(db);
        Assert.True(bytes.Length > 16384);
        await File.WriteAllBytesAsync(db, bytes[..(bytes.Length / 3)]);

        Assert.Equal(2, await _cli.RunAsync("audit", "verify", "--db", db));
        AssertCleanError(db);
    }

    [Fact]
    public async Task A_locked_file_is_reported_as_locked_naming_the_file()
    {
        var db = FilePath("locked.db");
        await FillAsync(new SqliteAuditLog(db), 3);
        await using var holder = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        await holder.OpenAsync();
        await using (var command = holder.CreateCommand())
        {
            // Exclusive locking mode: the write takes the file's exclusive lock and keeps it until the connection closes.
            command.CommandText = "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE audit_head SET last_id = last_id;";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(2, await _cli.RunAsync("audit", "verify", "--db", db));
        Assert.Contains("locked", _cli.Flat, StringComparison.Ordinal);
        AssertCleanError(db);
    }

    [Fact]
    public async Task A_missing_file_and_a_sqlite_file_without_audit_tables_are_named()
    {
        var missing = FilePath("missing.db");
        Assert.Equal(2, await _cli.RunAsync("audit", "verify", "--db", missing));
        Assert.Contains("does not exist", _cli.Flat, StringComparison.Ordinal);
        AssertCleanError(missing);

        var other = FilePath("other.db");
        await ExecuteAsync(other, "CREATE TABLE notes (x TEXT)");
        Assert.Equal(2, await _cli.RunAsync("audit", "verify", "--db", other));
        Assert.Contains("not an audit log", _cli.Flat, StringComparison.Ordinal);
        AssertCleanError(other);
    }

    [Fact]
    public async Task Exactly_one_log_must_be_named_and_dates_must_parse()
    {
        Assert.Equal(2, await _cli.RunAsync("audit", "verify"));
        Assert.Contains("exactly one", _cli.Flat, StringComparison.Ordinal);
        Assert.Equal(2, await _cli.RunAsync("audit", "verify", "--db", "a.db", "--jsonl", "b.jsonl"));
        Assert.Equal(2, await _cli.RunAsync("audit", "export", "--db", "a.db", "--from", "yesterday", "--to", "2026-01-01"));
        Assert.Contains("--from 'yesterday'", _cli.Flat, StringComparison.Ordinal);
    }
}
