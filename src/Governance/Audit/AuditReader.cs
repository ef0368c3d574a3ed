using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Audit;

/// <summary>Reads a SQLite audit file (format 1 or 2): the events of a run, a time window, and the check of its hash chain.</summary>
internal static class AuditReader
{
    public static async Task<IReadOnlyList<AuditEvent>> ReadRunAsync(string path, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var events = new List<AuditEvent>();
        await foreach (var record in ReadAsync(path, "WHERE run_id = $run", runId, null, null, cancellationToken).ConfigureAwait(false))
            events.Add(record.Event);
        return events;
    }

    public static IAsyncEnumerable<AuditRecord> ReadRangeAsync(string path, DateTimeOffset from, DateTimeOffset to, string? runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var where = runId is null ? "WHERE ts >= $from AND ts < $to" : "WHERE ts >= $from AND ts < $to AND run_id = $run";
        return ReadAsync(path, where, runId, from, to, cancellationToken);
    }

    private static async IAsyncEnumerable<AuditRecord> ReadAsync(string path, string where, string? runId, DateTimeOffset? from, DateTimeOffset? to,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = OpenExisting(path);
        var v2 = AuditSchema.UserVersion(connection) >= 2;
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {(v2 ? AuditSchema.Columns : AuditSchema.ColumnsV1)} FROM audit_events {where} ORDER BY id";
        if (runId is not null)
            command.Parameters.AddWithValue("$run", runId);
        if (from is { } f)
            command.Parameters.AddWithValue("$from", f.UtcTicks);
        if (to is { } t)
            command.Parameters.AddWithValue("$to", t.UtcTicks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var location = $"'{path}'";
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = ReadRow(reader, v2);
            yield return new AuditRecord(row.Id, row.ToEvent(location));
        }
    }

    public static async Task<AuditVerification> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await using var connection = OpenExisting(path);
        // One read transaction: the rows and the head are seen as of the same moment even while a writer appends.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var v2 = AuditSchema.UserVersion(connection) >= 2;
        var check = new AuditChainCheck();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {(v2 ? AuditSchema.Columns : AuditSchema.ColumnsV1)} FROM audit_events ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = ReadRow(reader, v2);
                var stored = reader.IsDBNull(13) ? [] : (byte[])reader.GetValue(13);
                if (check.Next(row, stored) is { } bad)
                    return bad;
            }
        }
        await using (var head = connection.CreateCommand())
        {
            head.CommandText = "SELECT last_id, last_hash FROM audit_head WHERE singleton = 1";
            await using var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var headId = 0L;
            var headHash = new byte[AuditRowHasher.HashSize];
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                headId = reader.GetInt64(0);
                headHash = (byte[])reader.GetValue(1);
            }
            return check.Finish(headId, headHash);
        }
    }

    private static SqliteConnection OpenExisting(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The audit file '{path}' does not exist.", path);
        return AuditSchema.Open(path, readOnly: true);
    }

    private static AuditRow ReadRow(SqliteDataReader r, bool v2)
    {
        var row = new AuditRow(
            r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
            Text(r, 5), r.GetInt64(6), r.GetString(7), r.GetString(8), Text(r, 9), Text(r, 10), Text(r, 11), r.GetInt64(12),
            Format: 1);
        if (!v2)
            return row;
        return row with
        {
            Format = r.GetInt32(14),
            Actor = Text(r, 15),
            ActorRole = Text(r, 16),
            Model = Text(r, 17),
            Prompt = Text(r, 18),
            Output = Text(r, 19),
            ContextIds = Text(r, 20),
            InputTokens = r.IsDBNull(21) ? null : r.GetInt64(21),
            OutputTokens = r.IsDBNull(22) ? null : r.GetInt64(22),
        };
    }

    private static string? Text(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
