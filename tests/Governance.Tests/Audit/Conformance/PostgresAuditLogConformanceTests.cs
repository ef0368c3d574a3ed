using HybridAI.Governance.Audit;
using Npgsql;

namespace HybridAI.Governance.Tests.Audit.Conformance;

/// <summary>
/// The conformance suite against the real PostgreSQL server named by HYBRIDAI_POSTGRES_CONNECTION (started by
/// eng/setup-system.sh). Each test works in its own schema, dropped afterwards. Skipped only when the variable is
/// unset outside CI; under CI=true a missing server fails the tests.
/// </summary>
public sealed class PostgresAuditLogConformanceTests : AuditLogConformanceTests
{
    private static readonly string? Connection = Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION");

    private readonly string _schema = $"audit_test_{Guid.NewGuid():N}"[..30];

    public static string? SkipReason =>
        string.IsNullOrWhiteSpace(Connection) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? "HYBRIDAI_POSTGRES_CONNECTION is not set (eng/setup-system.sh writes it to ~/.cache/hybridai/services.env); set it, or CI=true to require the server."
            : null;

    private static string ConnectionString => string.IsNullOrWhiteSpace(Connection)
        ? throw new InvalidOperationException("CI=true but HYBRIDAI_POSTGRES_CONNECTION is not set: the PostgreSQL audit tests need the server from eng/setup-system.sh.")
        : Connection;

    public override async Task DisposeAsync()
    {
        if (!string.IsNullOrWhiteSpace(Connection))
            await ExecuteAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        await base.DisposeAsync();
    }

    protected override async Task<IAuditLog> OpenAsync(int batchSize = 512, int capacity = 16_384) =>
        await PostgresAuditLog.OpenAsync(ConnectionString, _schema, batchSize, capacity);

    protected override Task EditAsync(long id) => ExecuteAsync($"UPDATE {_schema}.audit_events SET outcome = 'label=refund' WHERE id = {id}");

    protected override Task DeleteAsync(long id) => ExecuteAsync($"DELETE FROM {_schema}.audit_events WHERE id = {id}");

    protected override Task DeleteFromAsync(long id) => ExecuteAsync($"DELETE FROM {_schema}.audit_events WHERE id >= {id}");

    protected override async Task<long> InsertCopyAsync(long afterId)
    {
        var columns = SqliteAuditLogConformanceTests.DataColumns;
        await ExecuteAsync($"""
            UPDATE {_schema}.audit_events SET id = -id WHERE id > {afterId};
            UPDATE {_schema}.audit_events SET id = -id + 1 WHERE id < 0;
            INSERT INTO {_schema}.audit_events (id, {columns}) SELECT {afterId + 1}, {columns} FROM {_schema}.audit_events WHERE id = {afterId};
            """);
        return afterId + 1;
    }

    protected override async Task<long> SwapAsync(long a, long b)
    {
        await ExecuteAsync($"UPDATE {_schema}.audit_events SET id = -1 WHERE id = {a}; UPDATE {_schema}.audit_events SET id = {a} WHERE id = {b}; UPDATE {_schema}.audit_events SET id = {b} WHERE id = -1;");
        return a;
    }

    protected override async Task<string> RawContentAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {_schema}.audit_events t", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
