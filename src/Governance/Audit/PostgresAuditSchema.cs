using System.Text.RegularExpressions;

namespace HybridAI.Governance.Audit;

/// <summary>The PostgreSQL audit tables (one schema per log) and their SQL.</summary>
internal static partial class PostgresAuditSchema
{
    public const string Columns = "id, ts, run_id, workflow, version, step, step_index, kind, event, outcome, error_type, error_message, duration_ticks, hash, format, actor, actor_role, model, prompt, output, context_ids, input_tokens, output_tokens";

    public static string Validate(string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        if (!Identifier().IsMatch(schema))
            throw new ArgumentException($"The PostgreSQL schema name '{schema}' is not a plain lowercase identifier (letters, digits, underscores; at most 63).", nameof(schema));
        return schema;
    }

    public static string Create(string schema) => $"""
        SELECT pg_advisory_xact_lock(hashtext('hybridai.audit.' || '{schema}'));
        CREATE SCHEMA IF NOT EXISTS {schema};
        CREATE TABLE IF NOT EXISTS {schema}.audit_events (
            id bigint PRIMARY KEY,
            ts bigint NOT NULL,
            run_id text NOT NULL,
            workflow text NOT NULL,
            version text NOT NULL,
            step text,
            step_index bigint NOT NULL,
            kind text NOT NULL,
            event text NOT NULL,
            outcome text,
            error_type text,
            error_message text,
            duration_ticks bigint NOT NULL,
            hash bytea NOT NULL,
            format integer NOT NULL,
            actor text,
            actor_role text,
            model text,
            prompt text,
            output text,
            context_ids text,
            input_tokens bigint,
            output_tokens bigint);
        CREATE INDEX IF NOT EXISTS audit_events_run ON {schema}.audit_events (run_id, id);
        CREATE INDEX IF NOT EXISTS audit_events_ts ON {schema}.audit_events (ts, id);
        -- The last record's id and hash, updated in each batch's transaction; locking it serialises writers.
        CREATE TABLE IF NOT EXISTS {schema}.audit_head (
            singleton integer PRIMARY KEY CHECK (singleton = 1),
            last_id bigint NOT NULL,
            last_hash bytea NOT NULL);
        INSERT INTO {schema}.audit_head VALUES (1, 0, '\x{new string('0', 64)}'::bytea) ON CONFLICT DO NOTHING;
        """;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex Identifier();
}
