using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace HybridAI.Governance.Audit;

/// <summary>
/// A tamper-evident audit trail in PostgreSQL, for logs shared across machines: the same events and SHA-256 chain as
/// <see cref="SqliteAuditLog"/>. Events are queued and stored in batches with one binary COPY per batch; each batch
/// locks the chain head row (<c>SELECT ... FOR UPDATE</c>) in its transaction, so writers in several processes
/// interleave whole batches and the chain stays one line. A batch that hits a transient error is retried.
/// </summary>
/// <example>
/// <code>
/// var connection = Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION")!;
/// await using (var audit = await PostgresAuditLog.OpenAsync(connection, schema: "audit"))
/// {
///     var middleware = new AuditMiddleware(audit, PiiDetector.CreateDefault());
///     // ... run workflows ...
/// }
/// var check = await PostgresAuditLog.VerifyAsync(connection, "audit");   // check.IsValid
/// </code>
/// </example>
public sealed class PostgresAuditLog : IAuditLog
{
    /// <summary>The schema the tables go in when none is named.</summary>
    public const string DefaultSchema = "hybridai_audit";

    private readonly NpgsqlDataSource _source;
    private readonly string _schema;
    private readonly string _location;
    private readonly AuditWriter _writer;
    private readonly AuditRowHasher _hasher = new();
    private readonly byte[] _previous = new byte[AuditRowHasher.HashSize];
    private int _disposed;

    private PostgresAuditLog(NpgsqlDataSource source, string schema, string location, int batchSize, int capacity, TimeSpan retryFor)
    {
        _source = source;
        _schema = schema;
        _location = location;
        _writer = new AuditWriter(new Store(this), location, batchSize, capacity, retryFor);
    }

    /// <summary>Connects, creates the schema and tables when missing, and starts the background writer.</summary>
    /// <param name="connectionString">An Npgsql connection string (never written to errors or the log).</param>
    /// <param name="schema">The PostgreSQL schema holding this log's tables (a plain lowercase identifier).</param>
    /// <param name="batchSize">The most events per COPY.</param>
    /// <param name="capacity">The most events waiting in the queue.</param>
    /// <param name="retryFor">How long a batch is retried on transient errors (30 s when null).</param>
    /// <param name="cancellationToken">Stops the connection attempt.</param>
    public static async Task<PostgresAuditLog> OpenAsync(string connectionString, string schema = DefaultSchema, int batchSize = SqliteAuditLog.DefaultBatchSize,
        int capacity = SqliteAuditLog.DefaultCapacity, TimeSpan? retryFor = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        PostgresAuditSchema.Validate(schema);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var create = new NpgsqlCommand(PostgresAuditSchema.Create(schema), connection, transaction))
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return new PostgresAuditLog(source, schema, Describe(connectionString, schema), batchSize, capacity, retryFor ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>The schema holding the tables.</summary>
    public string Schema => _schema;

    /// <inheritdoc />
    public string Location => _location;

    /// <inheritdoc />
    public ValueTask WriteAsync(AuditEvent auditEvent) => _writer.WriteAsync(auditEvent);

    /// <inheritdoc />
    public Task FlushAsync(CancellationToken cancellationToken = default) => _writer.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(runId);
        var events = new List<AuditEvent>();
        await foreach (var record in ReadAsync(_source, _schema, _location, "WHERE run_id = $1", [runId], cancellationToken).ConfigureAwait(false))
            events.Add(record.Event);
        return events;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<AuditRecord> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, string? runId = null, CancellationToken cancellationToken = default) =>
        ReadRangeAsync(_source, _schema, _location, from, to, runId, cancellationToken);

    /// <inheritdoc />
    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) => VerifyAsync(_source, _schema, cancellationToken);

    /// <summary>Checks the hash chain of the log in <paramref name="schema"/> and reports the first record that does not match.</summary>
    public static async Task<AuditVerification> VerifyAsync(string connectionString, string schema = DefaultSchema, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        PostgresAuditSchema.Validate(schema);
        await using var source = NpgsqlDataSource.Create(connectionString);
        return await VerifyAsync(source, schema, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the records of the log in <paramref name="schema"/> in [<paramref name="from"/>, <paramref name="to"/>), optionally of one run.</summary>
    public static async IAsyncEnumerable<AuditRecord> ReadRangeAsync(string connectionString, string schema, DateTimeOffset from, DateTimeOffset to, string? runId = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        PostgresAuditSchema.Validate(schema);
        await using var source = NpgsqlDataSource.Create(connectionString);
        await foreach (var record in ReadRangeAsync(source, schema, Describe(connectionString, schema), from, to, runId, cancellationToken).ConfigureAwait(false))
            yield return record;
    }

    /// <summary>Stores everything still queued, then closes the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            await _writer.CompleteAsync().ConfigureAwait(false);
        }
        finally
        {
            await _source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static string Describe(string connectionString, string schema)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {b.Host}:{b.Port}/{b.Database} schema '{schema}'";
    }

    private static IAsyncEnumerable<AuditRecord> ReadRangeAsync(NpgsqlDataSource source, string schema, string location, DateTimeOffset from, DateTimeOffset to, string? runId,
        CancellationToken cancellationToken) => runId is null
        ? ReadAsync(source, schema, location, "WHERE ts >= $1 AND ts < $2", [from.UtcTicks, to.UtcTicks], cancellationToken)
        : ReadAsync(source, schema, location, "WHERE ts >= $1 AND ts < $2 AND run_id = $3", [from.UtcTicks, to.UtcTicks, runId], cancellationToken);

    private static async IAsyncEnumerable<AuditRecord> ReadAsync(NpgsqlDataSource source, string schema, string location, string where, object[] values,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand($"SELECT {PostgresAuditSchema.Columns} FROM {schema}.audit_events {where} ORDER BY id");
        foreach (var value in values)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = ReadRow(reader);
            yield return new AuditRecord(row.Id, row.ToEvent(location));
        }
    }

    private static async Task<AuditVerification> VerifyAsync(NpgsqlDataSource source, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for the rows and the head, even while writers append.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var check = new AuditChainCheck();
        await using (var command = new NpgsqlCommand($"SELECT {PostgresAuditSchema.Columns} FROM {schema}.audit_events ORDER BY id", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (check.Next(ReadRow(reader), reader.GetFieldValue<byte[]>(13)) is { } bad)
                    return bad;
            }
        }
        await using (var head = new NpgsqlCommand($"SELECT last_id, last_hash FROM {schema}.audit_head WHERE singleton = 1", connection, transaction))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? check.Finish(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
                : check.Finish(-1, new byte[AuditRowHasher.HashSize]);
        }
    }

    private static AuditRow ReadRow(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), r.GetInt64(6),
        r.GetString(7), r.GetString(8), Text(r, 9), Text(r, 10), Text(r, 11), r.GetInt64(12),
        r.GetInt32(14), Text(r, 15), Text(r, 16), Text(r, 17), Text(r, 18), Text(r, 19), Text(r, 20),
        r.IsDBNull(21) ? null : r.GetInt64(21), r.IsDBNull(22) ? null : r.GetInt64(22));

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private sealed class Store(PostgresAuditLog log) : IAuditBatchStore
    {
        public async ValueTask StoreAsync(ReadOnlyMemory<AuditEvent> batch, CancellationToken cancellationToken)
        {
            var schema = log._schema;
            await using var connection = await log._source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            long lastId;
            await using (var head = new NpgsqlCommand($"SELECT last_id, last_hash FROM {schema}.audit_head WHERE singleton = 1 FOR UPDATE", connection, transaction))
            await using (var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    throw new InvalidDataException($"The audit chain head row is missing in {log._location}.");
                lastId = reader.GetInt64(0);
                reader.GetFieldValue<byte[]>(1).CopyTo(log._previous, 0);
            }
            await using (var copy = await connection.BeginBinaryImportAsync(
                $"COPY {schema}.audit_events ({PostgresAuditSchema.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < batch.Length; i++)
                {
                    var row = AuditRow.From(++lastId, batch.Span[i]);
                    log._hasher.Compute(log._previous, row, log._previous);
                    WriteRow(copy, row, log._previous);
                }
                await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (var update = new NpgsqlCommand($"UPDATE {schema}.audit_head SET last_id = $1, last_hash = $2 WHERE singleton = 1", connection, transaction))
            {
                update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lastId });
                update.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = log._previous });
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // Synchronous writes into the importer's buffer: this runs on the writer task only, and an awaited call per
        // column costs more than the rare synchronous flush of a full buffer.
        private static void WriteRow(NpgsqlBinaryImporter copy, in AuditRow row, byte[] hash)
        {
            copy.StartRow();
            copy.Write(row.Id, NpgsqlDbType.Bigint);
            copy.Write(row.TimestampUtcTicks, NpgsqlDbType.Bigint);
            copy.Write(row.RunId, NpgsqlDbType.Text);
            copy.Write(row.Workflow, NpgsqlDbType.Text);
            copy.Write(row.Version, NpgsqlDbType.Text);
            Text(copy, row.Step);
            copy.Write(row.StepIndex, NpgsqlDbType.Bigint);
            copy.Write(row.Kind, NpgsqlDbType.Text);
            copy.Write(row.EventType, NpgsqlDbType.Text);
            Text(copy, row.Outcome);
            Text(copy, row.ErrorType);
            Text(copy, row.ErrorMessage);
            copy.Write(row.DurationTicks, NpgsqlDbType.Bigint);
            copy.Write(hash, NpgsqlDbType.Bytea);
            copy.Write(row.Format, NpgsqlDbType.Integer);
            Text(copy, row.Actor);
            Text(copy, row.ActorRole);
            Text(copy, row.Model);
            Text(copy, row.Prompt);
            Text(copy, row.Output);
            Text(copy, row.ContextIds);
            Number(copy, row.InputTokens);
            Number(copy, row.OutputTokens);
        }

        private static void Text(NpgsqlBinaryImporter copy, string? value)
        {
            if (value is null)
                copy.WriteNull();
            else
                copy.Write(value, NpgsqlDbType.Text);
        }

        private static void Number(NpgsqlBinaryImporter copy, long? value)
        {
            if (value is { } v)
                copy.Write(v, NpgsqlDbType.Bigint);
            else
                copy.WriteNull();
        }

        public bool IsTransient(Exception exception) => exception switch
        {
            PostgresException pg => pg.SqlState is "40001" or "40P01" or "55P03" or "57P01" or "53300",
            NpgsqlException npgsql => npgsql.IsTransient,
            _ => false,
        };
    }
}
