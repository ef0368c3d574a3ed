using System.Text;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Tests.Audit.Conformance;

public sealed class SqliteAuditLogConformanceTests : AuditLogConformanceTests
{
    internal const string DataColumns = "ts, run_id, workflow, version, step, step_index, kind, event, outcome, error_type, error_message, duration_ticks, hash, format, actor, actor_role, model, prompt, output, context_ids, input_tokens, output_tokens";

    private string DbPath => Dir.File("audit.db");

    protected override Task<IAuditLog> OpenAsync(int batchSize = 512, int capacity = 16_384) =>
        Task.FromResult<IAuditLog>(new SqliteAuditLog(DbPath, batchSize, capacity));

    protected override Task EditAsync(long id) => ExecuteAsync($"UPDATE audit_events SET outcome = 'label=refund' WHERE id = {id}");

    protected override Task DeleteAsync(long id) => ExecuteAsync($"DELETE FROM audit_events WHERE id = {id}");

    protected override Task DeleteFromAsync(long id) => ExecuteAsync($"DELETE FROM audit_events WHERE id >= {id}");

    protected override async Task<long> InsertCopyAsync(long afterId)
    {
        await ExecuteAsync($"""
            UPDATE audit_events SET id = -id WHERE id > {afterId};
            UPDATE audit_events SET id = -id + 1 WHERE id < 0;
            INSERT INTO audit_events (id, {DataColumns}) SELECT {afterId + 1}, {DataColumns} FROM audit_events WHERE id = {afterId};
            """);
        return afterId + 1;
    }

    protected override async Task<long> SwapAsync(long a, long b)
    {
        await ExecuteAsync($"UPDATE audit_events SET id = -1 WHERE id = {a}; UPDATE audit_events SET id = {a} WHERE id = {b}; UPDATE audit_events SET id = {b} WHERE id = -1;");
        return a;
    }

    protected override async Task<string> RawContentAsync()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Dir.Path))
            text.Append(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
        return text.ToString();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DbPath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
