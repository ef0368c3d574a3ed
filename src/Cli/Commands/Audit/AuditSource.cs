using System.CommandLine;
using HybridAI.Governance.Audit;

namespace HybridAI.Cli.Commands.Audit;

/// <summary>Which audit log a command reads: <c>--db FILE</c> (SQLite), <c>--jsonl FILE</c>, or <c>--postgres ENV_VAR</c> (the variable holds the connection string).</summary>
internal sealed class AuditSource
{
    private AuditSource(string kind, string value, string schema)
    {
        Kind = kind;
        Value = value;
        Schema = schema;
    }

    public string Kind { get; }

    public string Value { get; }

    public string Schema { get; }

    /// <summary>How messages name the log (never the connection string).</summary>
    public string Name => Kind switch
    {
        "postgres" => $"PostgreSQL log in schema '{Schema}' (connection from ${Value})",
        _ => $"'{Value}'",
    };

    public sealed class Options
    {
        public Option<string?> Db { get; } = new("--db") { Description = "A SQLite audit file." };

        public Option<string?> Jsonl { get; } = new("--jsonl") { Description = "A JSON Lines audit file." };

        public Option<string?> Postgres { get; } = new("--postgres") { Description = "The name of an environment variable holding a PostgreSQL connection string." };

        public Option<string> Schema { get; } = new("--schema") { Description = "The PostgreSQL schema of the log.", DefaultValueFactory = _ => PostgresAuditLog.DefaultSchema };

        public void AddTo(Command command)
        {
            command.Add(Db);
            command.Add(Jsonl);
            command.Add(Postgres);
            command.Add(Schema);
        }

        /// <summary>The one source given, or an error message.</summary>
        public (AuditSource? Source, string? Error) Resolve(ParseResult parse)
        {
            var given = new List<AuditSource>();
            var schema = parse.GetValue(Schema) ?? PostgresAuditLog.DefaultSchema;
            if (parse.GetValue(Db) is { } db)
                given.Add(new AuditSource("sqlite", db, schema));
            if (parse.GetValue(Jsonl) is { } jsonl)
                given.Add(new AuditSource("jsonl", jsonl, schema));
            if (parse.GetValue(Postgres) is { } variable)
                given.Add(new AuditSource("postgres", variable, schema));
            return given.Count == 1
                ? (given[0], null)
                : (null, "Name exactly one audit log: --db FILE, --jsonl FILE or --postgres ENV_VAR.");
        }
    }

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken) => Kind switch
    {
        "sqlite" => SqliteAuditLog.VerifyAsync(Value, cancellationToken),
        "jsonl" => JsonlAuditLog.VerifyAsync(Value, cancellationToken),
        _ => PostgresAuditLog.VerifyAsync(ConnectionString(), Schema, cancellationToken),
    };

    public IAsyncEnumerable<AuditRecord> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, string? runId, CancellationToken cancellationToken)
    {
        if (Kind != "postgres" && !File.Exists(Value))
            throw new FileNotFoundException($"The audit file '{Value}' does not exist.", Value);
        return Kind switch
        {
            "sqlite" => SqliteAuditLog.ReadRangeAsync(Value, from, to, runId, cancellationToken),
            "jsonl" => JsonlAuditLog.ReadRangeAsync(Value, from, to, runId, cancellationToken),
            _ => PostgresAuditLog.ReadRangeAsync(ConnectionString(), Schema, from, to, runId, cancellationToken),
        };
    }

    private string ConnectionString() =>
        Environment.GetEnvironmentVariable(Value) is { Length: > 0 } connection
            ? connection
            : throw new AuditInputException($"The environment variable '{Value}' (given to --postgres) is not set; it must hold the PostgreSQL connection string.");
}

/// <summary>Bad input the command reports as it is (no stack trace).</summary>
internal sealed class AuditInputException(string message) : Exception(message);
