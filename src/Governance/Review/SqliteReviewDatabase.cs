using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Review;

/// <summary>The review file: one connection, one operation at a time (the single writer of the file), WAL so other processes read on.</summary>
internal sealed class SqliteReviewDatabase : ReviewDatabase
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SqliteReviewDatabase(string path) : base("reviews", "checkpoints")
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        using (var pragmas = _connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;";
            pragmas.ExecuteNonQuery();
        }
        using var transaction = _connection.BeginTransaction();
        using (var create = _connection.CreateCommand())
        {
            create.Transaction = transaction;
            create.CommandText = CreateTablesSql();
            create.ExecuteNonQuery();
        }
        AddMissingColumns(transaction);
        using (var index = _connection.CreateCommand())
        {
            index.Transaction = transaction;
            index.CommandText = CreateIndexesSql(string.Empty);
            index.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    public override async Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work(_connection).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    /// <summary>Review files written before gates had roles and deadlines gain the new (nullable) columns.</summary>
    private void AddMissingColumns(SqliteTransaction transaction)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var info = _connection.CreateCommand())
        {
            info.Transaction = transaction;
            info.CommandText = "SELECT name FROM pragma_table_info('reviews')";
            using var r = info.ExecuteReader();
            while (r.Read())
                present.Add(r.GetString(0));
        }
        foreach (var column in AddedColumns)
        {
            if (present.Contains(column))
                continue;
            using var alter = _connection.CreateCommand();
            alter.Transaction = transaction;
            alter.CommandText = $"ALTER TABLE reviews ADD COLUMN {column} TEXT";
            alter.ExecuteNonQuery();
        }
    }
}
