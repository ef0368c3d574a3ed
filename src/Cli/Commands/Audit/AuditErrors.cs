using Microsoft.Data.Sqlite;
using Npgsql;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Audit;

/// <summary>Turns what can go wrong opening an audit log into one clear line naming the log, and exit code 2.</summary>
internal static class AuditErrors
{
    public static async Task<int> RunAsync(IAnsiConsole console, AuditSource source, Func<Task<int>> action)
    {
        string message;
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (AuditInputException e)
        {
            message = e.Message;
        }
        catch (FileNotFoundException e)
        {
            message = e.Message;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
        {
            message = $"The audit file {source.Name} is locked by another process; nothing was read. Try again once it is released.";
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_NOTADB or SQLitePCL.raw.SQLITE_CORRUPT)
        {
            message = $"The audit file {source.Name} is corrupt or not a SQLite database ({e.Message.TrimEnd('.')}).";
        }
        catch (SqliteException e) when (e.Message.Contains("no such table", StringComparison.OrdinalIgnoreCase))
        {
            message = $"The file {source.Name} is a SQLite database but not an audit log (it has no audit tables).";
        }
        catch (SqliteException e)
        {
            message = $"The audit file {source.Name} could not be read: {e.Message}";
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            message = $"There is no audit log in the {source.Name}.";
        }
        catch (NpgsqlException e)
        {
            message = $"The {source.Name} could not be read: {e.Message}";
        }
        catch (InvalidDataException e)
        {
            message = e.Message;
        }
        catch (IOException e)
        {
            message = $"The audit file {source.Name} could not be read: {e.Message}";
        }
        catch (UnauthorizedAccessException e)
        {
            message = $"The audit file {source.Name} could not be read: {e.Message}";
        }
        console.MarkupLineInterpolated($"[red]{message}[/]");
        return HybridAICommand.InputError;
    }
}
