using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Sqlite;

/// <summary>
/// Reads what an index file commits and checks its vector file, without opening the index for writing: a file that
/// is not a database, or a vector file that was cut short or overwritten, is reported by name before anything else
/// touches it (opening the index would trim the vector file and write WAL pragmas).
/// </summary>
internal static class SqliteIndexFiles
{
    // Stored vectors are unit length (or zero, for a text without features); float32 rounding stays far inside this.
    private const float NormTolerance = 1e-3f;

    /// <summary>What the latest version of an index file holds.</summary>
    public sealed record Facts(long SchemaVersion, long CurrentVersion, long Documents, long Chunks, int? Dimensions, long VectorCount);

    /// <exception cref="InvalidDataException">The file is not a readable SQLite database, fails SQLite's quick check, or lacks the index tables.</exception>
    public static Facts Read(string databasePath)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(databasePath), Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            string check = Text(connection, "PRAGMA quick_check;") ?? "no answer";
            if (!string.Equals(check, "ok", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"The index file '{databasePath}' is damaged (SQLite quick_check: {check}).");
            }

            long schema = Number(connection, "PRAGMA user_version;");
            if (schema != SqliteSchema.Version)
            {
                throw new InvalidDataException($"The index file '{databasePath}' has schema version {schema}; this library reads version {SqliteSchema.Version}.");
            }

            string? dimensions = Text(connection, "SELECT value FROM settings WHERE key = 'dimensions';");
            return new Facts(
                schema,
                Number(connection, "SELECT coalesce(max(version), 0) FROM versions;"),
                Number(connection, "SELECT count(*) FROM documents WHERE removed IS NULL;"),
                Number(connection, "SELECT count(*) FROM chunks WHERE removed IS NULL;"),
                dimensions is null ? null : int.Parse(dimensions, System.Globalization.CultureInfo.InvariantCulture),
                Number(connection, "SELECT coalesce((SELECT vector_count FROM versions ORDER BY version DESC LIMIT 1), 0);"));
        }
        catch (SqliteException e)
        {
            // SQLite's own wording ("file is not a database") names no content of the file.
            throw new InvalidDataException($"The index file '{databasePath}' is not a readable index database ({e.Message.TrimEnd('.')}).", e);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"The index file '{databasePath}' holds a dimensions setting that is not a number.", e);
        }
    }

    /// <summary>
    /// Checks that the vector file holds <paramref name="count"/> committed vectors of <paramref name="dimensions"/>
    /// floats and that they are finite and of unit (or zero) length, which every vector the index writes is: all of
    /// them, or with <paramref name="samples"/> set and fewer than the count, that many spread evenly from the first
    /// to the last (so the cost of opening a large store stays bounded).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing, too short, or a vector is not one the index wrote.</exception>
    public static void CheckVectors(string vectorPath, int dimensions, long count, int? samples = null)
    {
        if (count == 0)
        {
            return;
        }

        if (!File.Exists(vectorPath))
        {
            throw new InvalidDataException($"The vector file '{vectorPath}' is missing; the index committed {count} vectors to it.");
        }

        long bytesPerVector = (long)dimensions * sizeof(float);
        using var stream = new FileStream(vectorPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        if (stream.Length < count * bytesPerVector)
        {
            throw new InvalidDataException(
                $"The vector file '{vectorPath}' holds {stream.Length} bytes; the index committed {count} vectors of {dimensions} dimensions ({count * bytesPerVector} bytes). It was truncated or replaced.");
        }

        if (samples is int wanted && wanted >= 2 && wanted < count)
        {
            byte[] one = new byte[bytesPerVector];
            for (int i = 0; i < wanted; i++)
            {
                long slot = i * (count - 1) / (wanted - 1);
                stream.Position = slot * bytesPerVector;
                stream.ReadExactly(one);
                Check(MemoryMarshal.Cast<byte, float>(one.AsSpan()), slot, count, vectorPath);
            }

            return;
        }

        int perBuffer = (int)Math.Max(1, (1 << 20) / bytesPerVector);
        byte[] buffer = new byte[perBuffer * bytesPerVector];
        for (long slot = 0; slot < count;)
        {
            int vectors = (int)Math.Min(perBuffer, count - slot);
            stream.ReadExactly(buffer, 0, (int)(vectors * bytesPerVector));
            ReadOnlySpan<float> floats = MemoryMarshal.Cast<byte, float>(buffer.AsSpan(0, (int)(vectors * bytesPerVector)));
            for (int i = 0; i < vectors; i++, slot++)
            {
                Check(floats.Slice(i * dimensions, dimensions), slot, count, vectorPath);
            }
        }
    }

    private static void Check(ReadOnlySpan<float> vector, long slot, long count, string vectorPath)
    {
        float norm = TensorPrimitives.Norm(vector);
        bool unitOrZero = float.IsFinite(norm) && (norm == 0 || Math.Abs(norm - 1) <= NormTolerance);
        if (!unitOrZero)
        {
            throw new InvalidDataException(
                $"The vector file '{vectorPath}' is damaged: vector {slot} of {count} is not one the index wrote (its length is {norm:G4}, not 1).");
        }
    }

    private static long Number(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Text(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()?.ToString();
    }
}
