using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Review;

/// <summary>
/// The reviews and checkpoints tables, in SQL that SQLite and PostgreSQL both speak (<c>@name</c> parameters,
/// <c>ON CONFLICT</c>, <c>RETURNING</c>). Every claim is one conditional statement, so two queues on one file or two
/// machines on one server cannot both win; a checkpoint and its review are written in one transaction.
/// Dates are UTC round-trip text, which sorts in time order.
/// </summary>
internal abstract class ReviewDatabase : IAsyncDisposable
{
    internal const string Columns = "run_id, workflow, step, reason, summary, created_at, status, reviewer, comment, decided_at, "
        + "workflow_version, allowed_roles, escalation_role, escalate_at, reject_at, escalated_at, editable_fields, reviewer_role, edits_json, resumed_at, claimed_at, claim_token";

    private const string CheckpointColumns = "run_id, workflow_name, workflow_version, step_name, schema_hash, state_json, reason, created_at";

    protected ReviewDatabase(string reviews, string checkpoints)
    {
        Reviews = reviews;
        Checkpoints = checkpoints;
    }

    protected string Reviews { get; }

    protected string Checkpoints { get; }

    /// <summary>Runs <paramref name="work"/> on an open connection (the single writer for SQLite, a pooled one for PostgreSQL).</summary>
    public abstract Task<T> RunAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>The columns a first version of the reviews table lacks (SQLite files made before this version).</summary>
    protected static readonly string[] AddedColumns =
        ["workflow_version", "allowed_roles", "escalation_role", "escalate_at", "reject_at", "escalated_at", "editable_fields", "reviewer_role", "edits_json", "resumed_at", "claimed_at", "claim_token"];

    protected string CreateTablesSql() => $"""
        CREATE TABLE IF NOT EXISTS {Reviews} (
            run_id TEXT PRIMARY KEY, workflow TEXT NOT NULL, step TEXT NOT NULL, reason TEXT NOT NULL, summary TEXT,
            created_at TEXT NOT NULL, status TEXT NOT NULL, reviewer TEXT, comment TEXT, decided_at TEXT,
            workflow_version TEXT, allowed_roles TEXT, escalation_role TEXT, escalate_at TEXT, reject_at TEXT, escalated_at TEXT,
            editable_fields TEXT, reviewer_role TEXT, edits_json TEXT, resumed_at TEXT, claimed_at TEXT, claim_token TEXT);
        CREATE TABLE IF NOT EXISTS {Checkpoints} (
            run_id TEXT PRIMARY KEY, workflow_name TEXT NOT NULL, workflow_version TEXT NOT NULL, step_name TEXT NOT NULL,
            schema_hash TEXT NOT NULL, state_json TEXT NOT NULL, reason TEXT NULL, created_at TEXT NOT NULL);
        """;

    protected string CreateIndexesSql(string prefix) => $"""
        CREATE INDEX IF NOT EXISTS {prefix}ix_reviews_pending ON {Reviews}(status, created_at);
        CREATE INDEX IF NOT EXISTS {prefix}ix_checkpoints_workflow ON {Checkpoints}(workflow_name, created_at);
        """;

    public Task<bool> InsertReviewAsync(ReviewItem item, CancellationToken cancellationToken) =>
        RunAsync(async c => await InsertReviewAsync(c, null, item, replaceDecided: false, cancellationToken).ConfigureAwait(false) == 1, cancellationToken);

    /// <summary>Writes the checkpoint and its pending review in one transaction; a decided review of the same run (an earlier gate) is replaced.</summary>
    public Task<bool> SaveCheckpointWithReviewAsync(Checkpoint checkpoint, ReviewItem item, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                await UpsertCheckpointAsync(c, tx, checkpoint, cancellationToken).ConfigureAwait(false);
                var added = await InsertReviewAsync(c, tx, item, replaceDecided: true, cancellationToken).ConfigureAwait(false) == 1;
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                return added;
            }
        }, cancellationToken);

    public Task<bool> SaveCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            await UpsertCheckpointAsync(c, null, checkpoint, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public async Task<Checkpoint?> LoadCheckpointAsync(string runId, CancellationToken cancellationToken)
    {
        var list = await QueryCheckpointsAsync("WHERE run_id = @key", runId, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    public Task<List<Checkpoint>> ListCheckpointsAsync(string? workflow, CancellationToken cancellationToken) =>
        workflow is null
            ? QueryCheckpointsAsync(string.Empty, null, cancellationToken)
            : QueryCheckpointsAsync("WHERE workflow_name = @key", workflow, cancellationToken);

    /// <summary>
    /// Removes the checkpoint (the run ended) and stamps its review as resumed; a review still pending is closed as
    /// <see cref="ReviewStatus.Withdrawn"/>, since no decision can reach the run any more.
    /// </summary>
    public Task<(bool Deleted, ReviewItem? Withdrawn)> DeleteCheckpointAsync(string runId, DateTimeOffset now, bool withReview, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            var tx = await c.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                int deleted;
                await using (var delete = Command(c, tx, $"DELETE FROM {Checkpoints} WHERE run_id = @run"))
                {
                    Add(delete, "run", runId);
                    deleted = await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                ReviewItem? withdrawn = null;
                if (deleted > 0 && withReview)
                {
                    await using var stamp = Command(c, tx, $"UPDATE {Reviews} SET resumed_at = @now WHERE run_id = @run AND resumed_at IS NULL AND status <> 'Pending'");
                    Add(stamp, "now", Text(now));
                    Add(stamp, "run", runId);
                    await stamp.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    await using var withdraw = Command(c, tx,
                        $"UPDATE {Reviews} SET status = 'Withdrawn', decided_at = @now, resumed_at = @now WHERE run_id = @run AND status = 'Pending' RETURNING {Columns}");
                    Add(withdraw, "now", Text(now));
                    Add(withdraw, "run", runId);
                    var rows = await ReadReviewsAsync(withdraw, cancellationToken).ConfigureAwait(false);
                    withdrawn = rows.Count == 0 ? null : rows[0];
                }
                await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (deleted > 0, withdrawn);
            }
        }, cancellationToken);

    public Task<List<ReviewItem>> QueryReviewsAsync(string where, string? runId, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            await using var command = Command(c, null, $"SELECT {Columns} FROM {Reviews} {where}");
            if (runId is not null)
                Add(command, "run", runId);
            return await ReadReviewsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Records a decision if the review is still pending; false when someone else decided first.</summary>
    public Task<bool> TryDecideAsync(string runId, ReviewStatus status, string reviewer, string? role, string? comment,
        IReadOnlyDictionary<string, string>? edits, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            await using var command = Command(c, null, $"""
                UPDATE {Reviews} SET status = @status, reviewer = @reviewer, reviewer_role = @role, comment = @comment, edits_json = @edits, decided_at = @at
                WHERE run_id = @run AND status = 'Pending'
                """);
            Add(command, "status", status.ToString());
            Add(command, "reviewer", reviewer);
            Add(command, "role", role);
            Add(command, "comment", comment);
            Add(command, "edits", edits is { Count: > 0 } ? JsonSerializer.Serialize(edits) : null);
            Add(command, "at", Text(now));
            Add(command, "run", runId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    /// <summary>
    /// Claims a decided run for resuming under <paramref name="token"/>; false when it was resumed, or another claim holds it.
    /// With <paramref name="abandoned"/> set (the token last read, "" for a claim that has none) it takes over that claim
    /// instead, only while it is still the one held, older than <paramref name="staleBefore"/> and its checkpoint is still
    /// there: of two recoverers only the first matches the old token.
    /// </summary>
    public Task<bool> TryClaimResumeAsync(string runId, DateTimeOffset now, string token, string? abandoned, DateTimeOffset staleBefore,
        CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            var which = abandoned is null
                ? "resumed_at IS NULL"
                : $"resumed_at IS NOT NULL AND COALESCE(claim_token, '') = @old AND COALESCE(claimed_at, resumed_at) <= @stale AND {CheckpointKept("@run")}";
            await using var command = Command(c, null,
                $"UPDATE {Reviews} SET resumed_at = @now, claimed_at = @now, claim_token = @token WHERE run_id = @run AND status IN ('Approved', 'Rejected') AND {which}");
            Add(command, "now", Text(now));
            Add(command, "token", token);
            Add(command, "run", runId);
            if (abandoned is not null)
            {
                Add(command, "old", abandoned);
                Add(command, "stale", Text(staleBefore));
            }
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    /// <summary>
    /// Gives a resume claim back (the resume was cancelled or failed before the run went on), so it can be tried again;
    /// only while <paramref name="token"/> still holds it, so a claim recovered meanwhile by another process stays theirs.
    /// </summary>
    public Task<bool> ReleaseResumeAsync(string runId, string token, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            await using var command = Command(c, null,
                $"UPDATE {Reviews} SET resumed_at = NULL, claimed_at = NULL, claim_token = NULL WHERE run_id = @run AND claim_token = @token");
            Add(command, "run", runId);
            Add(command, "token", token);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    /// <summary>
    /// Decided gate reviews not resumed yet, and those whose resume claim is older than <paramref name="staleBefore"/>
    /// while their checkpoint is still there (the claiming process died before the run ended), oldest decision first.
    /// </summary>
    public Task<List<ReviewItem>> ListAwaitingResumeAsync(DateTimeOffset staleBefore, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            await using var command = Command(c, null, $"""
                SELECT {Columns} FROM {Reviews}
                WHERE status IN ('Approved', 'Rejected') AND step NOT LIKE 'tool:%'
                  AND (resumed_at IS NULL OR (COALESCE(claimed_at, resumed_at) <= @stale AND {CheckpointKept("run_id")}))
                ORDER BY decided_at, run_id
                """);
            Add(command, "stale", Text(staleBefore));
            return await ReadReviewsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Whether the run <paramref name="run"/> (a parameter or the reviews row's own column) still has its checkpoint.</summary>
    private string CheckpointKept(string run) =>
        $"EXISTS (SELECT 1 FROM {Checkpoints} k WHERE k.run_id = {(run.StartsWith('@') ? run : Reviews + "." + run)})";

    public Task<List<ReviewItem>> EscalateDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            await using var command = Command(c, null, $"""
                UPDATE {Reviews} SET escalated_at = @now
                WHERE status = 'Pending' AND escalated_at IS NULL AND escalate_at IS NOT NULL AND escalate_at <= @now
                RETURNING {Columns}
                """);
            Add(command, "now", Text(now));
            return await ReadReviewsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    public Task<List<ReviewItem>> RejectDueAsync(DateTimeOffset now, string reviewer, string comment, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            await using var command = Command(c, null, $"""
                UPDATE {Reviews} SET status = 'Rejected', reviewer = @reviewer, comment = @comment, decided_at = @now
                WHERE status = 'Pending' AND reject_at IS NOT NULL AND reject_at <= @now
                RETURNING {Columns}
                """);
            Add(command, "now", Text(now));
            Add(command, "reviewer", reviewer);
            Add(command, "comment", comment);
            return await ReadReviewsAsync(command, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    private Task<int> InsertReviewAsync(DbConnection c, DbTransaction? tx, ReviewItem item, bool replaceDecided, CancellationToken cancellationToken)
    {
        var conflict = replaceDecided
            ? $"""
              ON CONFLICT(run_id) DO UPDATE SET workflow = excluded.workflow, step = excluded.step, reason = excluded.reason, summary = excluded.summary,
                created_at = excluded.created_at, status = excluded.status, reviewer = NULL, comment = NULL, decided_at = NULL,
                workflow_version = excluded.workflow_version, allowed_roles = excluded.allowed_roles, escalation_role = excluded.escalation_role,
                escalate_at = excluded.escalate_at, reject_at = excluded.reject_at, escalated_at = NULL, editable_fields = excluded.editable_fields,
                reviewer_role = NULL, edits_json = NULL, resumed_at = NULL, claimed_at = NULL, claim_token = NULL
              WHERE reviews.status <> 'Pending'
              """
            : "ON CONFLICT(run_id) DO NOTHING";
        var command = Command(c, tx, $"""
            INSERT INTO {Reviews} ({Columns}) VALUES (@run, @wf, @step, @reason, @summary, @created, 'Pending', NULL, NULL, NULL,
              @version, @roles, @escalation, @escalate_at, @reject_at, NULL, @editable, NULL, NULL, NULL, NULL, NULL)
            {conflict}
            """);
        Add(command, "run", item.RunId);
        Add(command, "wf", item.Workflow);
        Add(command, "step", item.Step);
        Add(command, "reason", item.Reason);
        Add(command, "summary", item.Summary);
        Add(command, "created", Text(item.CreatedAt));
        Add(command, "version", item.WorkflowVersion);
        Add(command, "roles", item.AllowedRoles.Count == 0 ? null : JsonSerializer.Serialize(item.AllowedRoles));
        Add(command, "escalation", item.EscalationRole);
        Add(command, "escalate_at", item.EscalateAt is { } e ? Text(e) : null);
        Add(command, "reject_at", item.RejectAt is { } r ? Text(r) : null);
        Add(command, "editable", item.EditableFields.Count == 0 ? null : JsonSerializer.Serialize(item.EditableFields));
        return ExecuteAndDisposeAsync(command, cancellationToken);
    }

    private static async Task<int> ExecuteAndDisposeAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task UpsertCheckpointAsync(DbConnection c, DbTransaction? tx, Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        var command = Command(c, tx, $"""
            INSERT INTO {Checkpoints} ({CheckpointColumns}) VALUES (@run, @name, @version, @step, @hash, @state, @reason, @created)
            ON CONFLICT(run_id) DO UPDATE SET workflow_name = excluded.workflow_name, workflow_version = excluded.workflow_version,
              step_name = excluded.step_name, schema_hash = excluded.schema_hash, state_json = excluded.state_json,
              reason = excluded.reason, created_at = excluded.created_at
            """);
        Add(command, "run", checkpoint.RunId);
        Add(command, "name", checkpoint.WorkflowName);
        Add(command, "version", checkpoint.WorkflowVersion);
        Add(command, "step", checkpoint.StepName);
        Add(command, "hash", checkpoint.SchemaHash);
        Add(command, "state", checkpoint.StateJson);
        Add(command, "reason", checkpoint.Reason);
        Add(command, "created", Text(checkpoint.CreatedAt));
        await ExecuteAndDisposeAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private Task<List<Checkpoint>> QueryCheckpointsAsync(string where, string? key, CancellationToken cancellationToken) =>
        RunAsync(async c =>
        {
            await using var command = Command(c, null, $"SELECT {CheckpointColumns} FROM {Checkpoints} {where} ORDER BY created_at, run_id");
            if (key is not null)
                Add(command, "key", key);
            var list = new List<Checkpoint>();
            var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (r.ConfigureAwait(false))
            {
                while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new Checkpoint(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                        r.IsDBNull(6) ? null : r.GetString(6), Date(r.GetString(7))));
                }
            }
            return list;
        }, cancellationToken);

    private static async Task<List<ReviewItem>> ReadReviewsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var items = new List<ReviewItem>();
        var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (r.ConfigureAwait(false))
        {
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(new ReviewItem
                {
                    RunId = r.GetString(0),
                    Workflow = r.GetString(1),
                    Step = r.GetString(2),
                    Reason = r.GetString(3),
                    Summary = Optional(r, 4),
                    CreatedAt = Date(r.GetString(5)),
                    Status = Enum.Parse<ReviewStatus>(r.GetString(6)),
                    Reviewer = Optional(r, 7),
                    Comment = Optional(r, 8),
                    DecidedAt = OptionalDate(r, 9),
                    WorkflowVersion = Optional(r, 10),
                    AllowedRoles = Optional(r, 11) is { } roles ? JsonSerializer.Deserialize<string[]>(roles) ?? [] : [],
                    EscalationRole = Optional(r, 12),
                    EscalateAt = OptionalDate(r, 13),
                    RejectAt = OptionalDate(r, 14),
                    EscalatedAt = OptionalDate(r, 15),
                    EditableFields = Optional(r, 16) is { } fields ? JsonSerializer.Deserialize<string[]>(fields) ?? [] : [],
                    ReviewerRole = Optional(r, 17),
                    Edits = Optional(r, 18) is { } edits ? JsonSerializer.Deserialize<Dictionary<string, string>>(edits) : null,
                    ResumedAt = OptionalDate(r, 19),
                    ClaimedAt = OptionalDate(r, 20),
                    ClaimToken = Optional(r, 21),
                });
            }
        }
        return items;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? tx, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        return command;
    }

    private static void Add(DbCommand command, string name, string? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.DbType = System.Data.DbType.String;
        p.Value = (object?)value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    private static string? Optional(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? OptionalDate(DbDataReader r, int i) => r.IsDBNull(i) ? null : Date(r.GetString(i));

    internal static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Date(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
