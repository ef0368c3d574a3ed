using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace HybridAI.Governance.Review;

/// <summary>The reviews and checkpoints tables in one PostgreSQL schema, shared by every machine that opens it.</summary>
internal sealed partial class PostgresReviewDatabase : ReviewDatabase
{
    private readonly NpgsqlDataSource _source;
    private readonly string _schema;
    private readonly Lazy<Task> _created;

    public PostgresReviewDatabase(string connectionString, string schema)
        : base(Qualify(schema, "reviews"), Qualify(schema, "checkpoints"))
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        _schema = schema;
        try
        {
            _source = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            // The connection string may hold a password: say what is wrong without echoing it.
            throw new ArgumentException("The PostgreSQL connection string cannot be read: " + e.GetType().Name + ".", nameof(connectionString));
        }
        _created = new Lazy<Task>(CreateAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public override async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await _created.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
            return await work(connection).ConfigureAwait(false);
    }

    public override ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task CreateAsync()
    {
        var connection = await _source.OpenConnectionAsync().ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var tx = await connection.BeginTransactionAsync().ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                // Two machines starting together would otherwise race on CREATE ... IF NOT EXISTS.
                await using var command = new NpgsqlCommand(
                    $"SELECT pg_advisory_xact_lock(hashtext('hybridai.reviews.' || @schema)); CREATE SCHEMA IF NOT EXISTS {_schema}; "
                    + CreateTablesSql() + AddMissingColumnsSql() + CreateIndexesSql(string.Empty), connection, tx);
                command.Parameters.AddWithValue("schema", _schema);
                await command.ExecuteNonQueryAsync().ConfigureAwait(false);
                await tx.CommitAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Schemas created before gates had roles, deadlines and resume leases gain the new (nullable) columns.</summary>
    private string AddMissingColumnsSql() =>
        $"ALTER TABLE {Reviews} " + string.Join(", ", AddedColumns.Select(c => $"ADD COLUMN IF NOT EXISTS {c} TEXT")) + ";";

    private static string Qualify(string schema, string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        if (!Identifier().IsMatch(schema))
            throw new ArgumentException($"The PostgreSQL schema name must be lower-case letters, digits and '_' (starting with a letter or '_'), at most 63 characters; got '{(schema.Length > 63 ? schema[..63] + "…" : schema)}'.", nameof(schema));
        return schema + "." + table;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
