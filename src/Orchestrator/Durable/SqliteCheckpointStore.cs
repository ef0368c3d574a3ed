using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HybridAI.Orchestrator;

/// <summary>
/// Checkpoints in one SQLite file (WAL mode): any process opening the same file can resume the runs another suspended.
/// Writes go through one writer per store instance; reads run concurrently.
/// </summary>
/// <example>
/// <code>
/// await using var store = new SqliteCheckpointStore("checkpoints.db");
/// var runner = new WorkflowRunner(checkpoints: store);
/// var suspended = await runner.RunAsync(triage, ticket);           // Status == Suspended
/// // later, maybe in another process with its own runner and store on the same file:
/// var done = await runner.ResumeAsync(triage, suspended.RunId, new GateDecision(true, "agent-7"));
/// </code>
/// </example>
public sealed class SqliteCheckpointStore : ICheckpointStore, IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lazy<Task> _schema;

    /// <summary>Opens (and creates if needed) the checkpoint file at <paramref name="path"/>.</summary>
    public SqliteCheckpointStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        }.ToString();
        _schema = new Lazy<Task>(CreateSchemaAsync);
    }

    /// <inheritdoc />
    public async ValueTask SaveAsync(Checkpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        await _schema.Value.ConfigureAwait(false);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO checkpoints (run_id, workflow_name, workflow_version, step_name, schema_hash, state_json, reason, created_at)
                    VALUES ($run, $name, $version, $step, $hash, $state, $reason, $created)
                    ON CONFLICT(run_id) DO UPDATE SET
                      workflow_name = excluded.workflow_name, workflow_version = excluded.workflow_version,
                      step_name = excluded.step_name, schema_hash = excluded.schema_hash, state_json = excluded.state_json,
                      reason = excluded.reason, created_at = excluded.created_at
                    """;
                command.Parameters.AddWithValue("$run", checkpoint.RunId);
                command.Parameters.AddWithValue("$name", checkpoint.WorkflowName);
                command.Parameters.AddWithValue("$version", checkpoint.WorkflowVersion);
                command.Parameters.AddWithValue("$step", checkpoint.StepName);
                command.Parameters.AddWithValue("$hash", checkpoint.SchemaHash);
                command.Parameters.AddWithValue("$state", checkpoint.StateJson);
                command.Parameters.AddWithValue("$reason", (object?)checkpoint.Reason ?? DBNull.Value);
                command.Parameters.AddWithValue("$created", checkpoint.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<Checkpoint?> LoadAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var list = await QueryAsync("WHERE run_id = $key", runId, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await _schema.Value.ConfigureAwait(false);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.CommandText = "DELETE FROM checkpoints WHERE run_id = $run";
                command.Parameters.AddWithValue("$run", runId);
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<Checkpoint>> ListAsync(string? workflowName = null, CancellationToken cancellationToken = default)
        => workflowName is null
            ? await QueryAsync(string.Empty, null, cancellationToken).ConfigureAwait(false)
            : await QueryAsync("WHERE workflow_name = $key", workflowName, cancellationToken).ConfigureAwait(false);

    /// <summary>Releases pooled connections to the file, so it can be deleted or moved.</summary>
    public void Dispose()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        _writer.Dispose();
    }

    /// <inheritdoc cref="Dispose" />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return default;
    }

    private async Task<List<Checkpoint>> QueryAsync(string where, string? key, CancellationToken cancellationToken)
    {
        await _schema.Value.ConfigureAwait(false);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT run_id, workflow_name, workflow_version, step_name, schema_hash, state_json, reason, created_at FROM checkpoints "
                + where + " ORDER BY created_at, run_id";
            if (key is not null)
            {
                command.Parameters.AddWithValue("$key", key);
            }
            var list = new List<Checkpoint>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new Checkpoint(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.GetString(4),
                        reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6),
                        DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)));
                }
            }
            return list;
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private async Task CreateSchemaAsync()
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                // WAL lets readers of other processes go on while one writes; the mode is stored in the file.
                command.CommandText = """
                    PRAGMA journal_mode = WAL;
                    CREATE TABLE IF NOT EXISTS checkpoints (
                      run_id TEXT PRIMARY KEY,
                      workflow_name TEXT NOT NULL,
                      workflow_version TEXT NOT NULL,
                      step_name TEXT NOT NULL,
                      schema_hash TEXT NOT NULL,
                      state_json TEXT NOT NULL,
                      reason TEXT NULL,
                      created_at TEXT NOT NULL);
                    CREATE INDEX IF NOT EXISTS checkpoints_by_workflow ON checkpoints (workflow_name, created_at);
                    """;
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writer.Release();
        }
    }
}
