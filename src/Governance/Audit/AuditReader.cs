using HybridAI.Orchestrator;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Audit;

/// <summary>Reads an audit file: the events of a run, and the check of its hash chain.</summary>
internal static class AuditReader
{
    public static async Task<IReadOnlyList<AuditEvent>> ReadRunAsync(string path, string runId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var events = new List<AuditEvent>();
        await using var connection = OpenExisting(path);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {AuditSchema.Columns} FROM audit_events WHERE run_id = $run ORDER BY id";
        command.Parameters.AddWithValue("$run", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = ReadRow(reader);
            events.Add(new AuditEvent
            {
                Timestamp = new DateTimeOffset(row.TimestampUtcTicks, TimeSpan.Zero),
                RunId = row.RunId,
                Workflow = row.Workflow,
                WorkflowVersion = row.Version,
                Step = row.Step,
                StepIndex = (int)row.StepIndex,
                Kind = Enum.TryParse<StepKind>(row.Kind, out var kind) ? kind : default,
                EventType = Enum.TryParse<AuditEventType>(row.EventType, out var type) ? type
                    : throw new InvalidDataException($"Audit row {row.Id} in '{path}' has an unknown event type '{row.EventType}'."),
                Outcome = row.Outcome,
                ErrorType = row.ErrorType,
                ErrorMessage = row.ErrorMessage,
                Duration = TimeSpan.FromTicks(row.DurationTicks),
            });
        }
        return events;
    }

    public static async Task<AuditVerification> VerifyAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        await using var connection = OpenExisting(path);
        var hasher = new AuditRowHasher();
        var previous = new byte[AuditRowHasher.HashSize];
        var computed = new byte[AuditRowHasher.HashSize];
        long count = 0;
        long lastId = 0;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT {AuditSchema.Columns} FROM audit_events ORDER BY id";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var row = ReadRow(reader);
                count++;
                if (row.Id != lastId + 1)
                    return new AuditVerification(false, count, row.Id, $"Rows {lastId + 1}..{row.Id - 1} are missing before row {row.Id}.");
                hasher.Compute(previous, row, computed);
                var stored = reader.IsDBNull(13) ? [] : (byte[])reader.GetValue(13);
                if (!computed.AsSpan().SequenceEqual(stored))
                    return new AuditVerification(false, count, row.Id, $"Row {row.Id} does not match its hash: it was edited, or the chain before it was.");
                computed.CopyTo(previous, 0);
                lastId = row.Id;
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
            if (headId != lastId || !headHash.AsSpan().SequenceEqual(previous))
                return new AuditVerification(false, count, lastId + 1, $"The chain head says {headId} rows but the file ends at row {lastId}: rows were removed at the end or the head was altered.");
        }
        return new AuditVerification(true, count, null, null);
    }

    private static SqliteConnection OpenExisting(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The audit file '{path}' does not exist.", path);
        return AuditSchema.Open(path, readOnly: true);
    }

    private static AuditRow ReadRow(SqliteDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.GetInt64(6), r.GetString(7), r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11), r.GetInt64(12));
}
