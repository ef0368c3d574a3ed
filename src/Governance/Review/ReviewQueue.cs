using System.Globalization;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Review;

/// <summary>
/// Runs waiting for a human decision: in their own SQLite file (WAL; the default) or in PostgreSQL for several machines
/// (<see cref="OpenPostgres"/>). Give a runner <see cref="Checkpoints"/> and a run that suspends at a gate enters the
/// queue in the same transaction as its checkpoint, so no suspended run is ever missing from it. Deciding is one
/// conditional write: of two reviewers (or machines) deciding at once exactly one wins, the other gets
/// <see cref="ReviewAlreadyDecidedException"/>; a role the gate does not allow gets <see cref="ReviewNotAllowedException"/>
/// and nothing changes. <see cref="ResumeAsync"/> then finishes the run from its checkpoint, in any process.
/// Enqueueing the same run twice keeps the first request. Summaries and reasons are PII-masked before they are stored.
/// </summary>
/// <example>
/// <code>
/// await using var queue = new ReviewQueue("reviews.db", new ReviewQueueOptions { Audit = auditLog });
/// var runner = new WorkflowRunner(checkpoints: queue.Checkpoints);
/// var run = await runner.RunAsync(triage, ticket);                  // Suspended: checkpoint + pending review, atomically
/// foreach (var item in await queue.ListPendingAsync()) { /* show item.Summary, item.Reason to a reviewer */ }
/// await queue.DecideAsync(run.RunId, new Reviewer("u-17", "support-lead"), approved: true,
///     edits: new Dictionary&lt;string, string&gt; { ["reply"] = "Corrected reply" });
/// var done = await queue.ResumeAsync(runner, triage, run.RunId);     // any process, even after a restart
/// await queue.ProcessTimeoutsAsync();                                // escalations and final deadlines (call periodically)
/// </code>
/// </example>
public sealed class ReviewQueue : IAsyncDisposable
{
    /// <summary>The reviewer a review closed by its final deadline carries.</summary>
    public const string TimeoutReviewer = "hybridai:timeout";

    private readonly ReviewDatabase _db;
    private readonly TimeProvider _time;
    private readonly IAuditSink? _audit;
    private readonly TimeSpan _lease;
    private readonly Lazy<IPiiDetector> _detector;
    private readonly Lazy<PiiMasker> _masker;
    private readonly Lazy<RedactionCache> _redaction;

    // Completed (and replaced) by every decision made through this instance, so an in-process waiter wakes at once;
    // decisions made by another process (another ReviewQueue on the same file) are seen by polling.
    private TaskCompletionSource _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Opens (or creates) the review file.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="timeProvider">Dates decisions; the system clock when null.</param>
    public ReviewQueue(string path, TimeProvider? timeProvider = null)
        : this(path, new ReviewQueueOptions { TimeProvider = timeProvider })
    {
    }

    /// <summary>Opens (or creates) the review file, with audit, masking and clock from <paramref name="options"/>.</summary>
    public ReviewQueue(string path, ReviewQueueOptions options)
        : this(new SqliteReviewDatabase(Path(path)), options)
    {
    }

    private ReviewQueue(ReviewDatabase db, ReviewQueueOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _db = db;
        _time = options.TimeProvider ?? TimeProvider.System;
        _audit = options.Audit;
        _lease = options.ResumeLease;
        _detector = new Lazy<IPiiDetector>(() => options.PiiDetector ?? PiiDetector.CreateDefault());
        _masker = new Lazy<PiiMasker>(() => new PiiMasker(_detector.Value));
        _redaction = new Lazy<RedactionCache>(() => new RedactionCache(_detector.Value));
        Checkpoints = new ReviewCheckpointStore(this, _db);
    }

    /// <summary>
    /// Opens the review queue kept in PostgreSQL (tables <c>reviews</c> and <c>checkpoints</c> in <paramref name="schema"/>,
    /// created when missing), so reviewers and runners on several machines share it.
    /// </summary>
    /// <example>
    /// <code>
    /// await using var queue = ReviewQueue.OpenPostgres(Environment.GetEnvironmentVariable("HYBRIDAI_POSTGRES_CONNECTION")!);
    /// var runner = new WorkflowRunner(checkpoints: queue.Checkpoints);
    /// </code>
    /// </example>
    public static ReviewQueue OpenPostgres(string connectionString, string schema = "hybridai", ReviewQueueOptions? options = null) =>
        new(new PostgresReviewDatabase(connectionString, schema), options ?? new ReviewQueueOptions());

    /// <summary>
    /// The checkpoint store to give a <see cref="WorkflowRunner"/>: a run suspending at a gate is checkpointed here and its
    /// review enqueued in the same transaction (roles, deadlines, editable fields and masked summary from the gate's options).
    /// </summary>
    public ICheckpointStore Checkpoints { get; }

    internal TimeProvider Time => _time;

    /// <summary>Adds a pending review; returns false when the run already has one (which is kept unchanged).</summary>
    public async Task<bool> EnqueueAsync(ReviewItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        Require(item.RunId, nameof(item.RunId));
        Require(item.Workflow, nameof(item.Workflow));
        Require(item.Step, nameof(item.Step));
        Require(item.Reason, nameof(item.Reason));
        // Reason and summary are shown to reviewers and kept in the file: masked here whatever the caller passed.
        item = item with { Reason = Mask(item.Reason)!, Summary = Mask(item.Summary) };
        var added = await _db.InsertReviewAsync(item, cancellationToken).ConfigureAwait(false);
        if (added)
            await AuditAsync(item, AuditEventType.ReviewRequested, Requested(item)).ConfigureAwait(false);
        return added;
    }

    /// <summary>The pending reviews, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewItem>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        await _db.QueryReviewsAsync("WHERE status = 'Pending' ORDER BY created_at, run_id", null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Decided gate reviews whose run has not been resumed yet, oldest first: what a host resuming runs works through.
    /// A run whose resume claim is older than <see cref="ReviewQueueOptions.ResumeLease"/> while its checkpoint is still
    /// there (the process resuming it died) is listed again, so <see cref="ResumeAsync"/> can take it over.
    /// </summary>
    public async Task<IReadOnlyList<ReviewItem>> ListAwaitingResumeAsync(CancellationToken cancellationToken = default) =>
        await _db.ListAwaitingResumeAsync(_time.GetUtcNow() - _lease, cancellationToken).ConfigureAwait(false);

    /// <summary>The review of a run, or null when there is none.</summary>
    public async Task<ReviewItem?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        Require(runId, nameof(runId));
        var items = await _db.QueryReviewsAsync("WHERE run_id = @run", runId, cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>Records the reviewer's decision on a pending review and returns the decided item (for gates that allow any reviewer).</summary>
    /// <exception cref="KeyNotFoundException">The run has no review.</exception>
    /// <exception cref="ReviewAlreadyDecidedException">The review was already decided (an <see cref="InvalidOperationException"/>).</exception>
    /// <exception cref="ReviewNotAllowedException">The gate allows only some roles; use the overload taking a <see cref="Reviewer"/>.</exception>
    public Task<ReviewItem> DecideAsync(string runId, bool approved, string reviewer, string? comment = null, CancellationToken cancellationToken = default)
    {
        Require(reviewer, nameof(reviewer));
        return DecideCoreAsync(runId, reviewer, null, approved, comment, null, cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="reviewer"/>'s decision: approve, approve with <paramref name="edits"/> (state field to new
    /// value; only fields the gate allows), or reject. Checks the role against the gate and the edits against the
    /// checkpoint before anything is written; exactly one of several concurrent deciders wins.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The run has no review.</exception>
    /// <exception cref="ReviewNotAllowedException">The reviewer's role may not decide this gate (nothing is recorded).</exception>
    /// <exception cref="ReviewAlreadyDecidedException">Someone (or the deadline) decided first; their decision stands.</exception>
    /// <exception cref="ArgumentException">Edits on a rejection, or on a field the gate does not allow, or a value the field cannot take.</exception>
    public Task<ReviewItem> DecideAsync(string runId, Reviewer reviewer, bool approved, string? comment = null,
        IReadOnlyDictionary<string, string>? edits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        return DecideCoreAsync(runId, reviewer.Id, reviewer.Role, approved, comment, edits, cancellationToken);
    }

    /// <summary>
    /// Finishes a decided run from its checkpoint with the recorded decision (and edits), in this process whichever
    /// process suspended it. A run is resumed once: a second call, or one for a run still pending, is refused.
    /// The claim taken first is a lease (<see cref="ReviewQueueOptions.ResumeLease"/>): should this process die before the
    /// run ends, another call here takes the run over once the lease has passed (audited as a recovered claim); of two
    /// machines recovering at once exactly one wins, and a claim within its lease is never taken.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The run has no review, or no checkpoint left to resume from.</exception>
    /// <exception cref="InvalidOperationException">The review is still pending, was withdrawn, the run was already resumed, or another process holds its resume claim within the lease.</exception>
    /// <exception cref="CheckpointMismatchException">The checkpoint belongs to another workflow, version or state schema.</exception>
    public async Task<RunResult<TState>> ResumeAsync<TState>(WorkflowRunner runner, Workflow<TState> workflow, string runId, CancellationToken cancellationToken = default)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(workflow);
        var (item, token) = await ClaimResumeAsync(runId, requireCheckpoint: ReferenceEquals(runner.Checkpoints, Checkpoints), cancellationToken).ConfigureAwait(false);
        var decision = new GateDecision(item.Status == ReviewStatus.Approved, item.Reviewer ?? "?", item.Comment)
        {
            Role = item.ReviewerRole,
            Edits = item.Edits,
        };
        RunResult<TState> result;
        try
        {
            result = await runner.ResumeAsync(workflow, runId, decision, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Nothing ran past the gate: give the claim back so the run can be resumed once the cause is fixed.
            await _db.ReleaseResumeAsync(runId, token, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        if (result.Status == RunStatus.Cancelled)
            await _db.ReleaseResumeAsync(runId, token, CancellationToken.None).ConfigureAwait(false);
        await AuditAsync(item, AuditEventType.RunResumed, "resumed: " + result.Status.ToString().ToLowerInvariant(), item.Reviewer, item.ReviewerRole).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Takes the resume claim of a decided run (the first half of <see cref="ResumeAsync"/>), or takes over one left past
    /// its lease with the checkpoint still there; returns the review as read and the new claim's token.
    /// </summary>
    internal async Task<(ReviewItem Item, string Token)> ClaimResumeAsync(string runId, bool requireCheckpoint, CancellationToken cancellationToken)
    {
        var item = await GetAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No review exists for run '{runId}'.");
        switch (item.Status)
        {
            case ReviewStatus.Pending:
                throw new InvalidOperationException($"Run '{runId}' is still waiting for a decision at gate '{item.Step}'; approve or reject it first.");
            case ReviewStatus.Withdrawn:
                throw new InvalidOperationException($"Run '{runId}' was resumed or ended without a decision from the review queue; there is nothing left to resume.");
        }
        var now = _time.GetUtcNow();
        var hasCheckpoint = await _db.LoadCheckpointAsync(runId, cancellationToken).ConfigureAwait(false) is not null;
        string? abandoned = null;
        if (item.ResumedAt is { } resumed)
        {
            var claimed = item.ClaimedAt ?? resumed;
            if (!hasCheckpoint)
                throw new InvalidOperationException($"Run '{runId}' was already resumed ({item.Status}, {Text(resumed)}); its checkpoint is used up.");
            if (claimed > now - _lease)
                throw new InvalidOperationException($"Run '{runId}' is being resumed by another process (claimed {Text(claimed)}; the claim lapses after {_lease}).");
            abandoned = item.ClaimToken ?? string.Empty;
        }
        else if (requireCheckpoint && !hasCheckpoint)
        {
            throw new KeyNotFoundException($"Run '{runId}' was {item.Status.ToString().ToLowerInvariant()} but has no checkpoint to resume from.");
        }
        var token = Guid.NewGuid().ToString("N");
        if (!await _db.TryClaimResumeAsync(runId, now, token, abandoned, now - _lease, cancellationToken).ConfigureAwait(false))
            throw new InvalidOperationException($"Run '{runId}' is being resumed or was resumed by another process.");
        if (abandoned is not null)
        {
            await AuditAsync(item, AuditEventType.RunResumed,
                $"resume claim recovered: the claim of {Text(item.ClaimedAt ?? item.ResumedAt!.Value)} passed its lease of {_lease} with the checkpoint still there").ConfigureAwait(false);
        }
        return (item, token);
    }

    /// <summary>
    /// Escalates every pending review past its escalation time (its escalation role may then decide) and rejects every
    /// one past its final deadline (reviewer <see cref="TimeoutReviewer"/>), by the queue's clock. Call it periodically
    /// (<see cref="RunTimeoutsAsync"/> does), from any one or several processes: each review is escalated and closed once.
    /// </summary>
    public async Task<ReviewTimeouts> ProcessTimeoutsAsync(CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        var escalated = await _db.EscalateDueAsync(now, cancellationToken).ConfigureAwait(false);
        foreach (var item in escalated)
            await AuditAsync(item, AuditEventType.ReviewEscalated, $"escalated to role {item.EscalationRole ?? "(none)"}").ConfigureAwait(false);
        var rejected = await _db.RejectDueAsync(now, TimeoutReviewer, "no decision before the final deadline", cancellationToken).ConfigureAwait(false);
        foreach (var item in rejected)
            await AuditAsync(item, AuditEventType.GateDecision, "rejected: no decision before the final deadline", TimeoutReviewer).ConfigureAwait(false);
        if (rejected.Count > 0)
            Wake();
        return new ReviewTimeouts(escalated, rejected);
    }

    /// <summary>Calls <see cref="ProcessTimeoutsAsync"/> every <paramref name="interval"/> (by the queue's clock) until cancelled.</summary>
    public async Task RunTimeoutsAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            do
            {
                await ProcessTimeoutsAsync(cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Waits until the review of <paramref name="runId"/> is decided and returns it. A decision made through this
    /// instance wakes the wait at once; one made by another process (e.g. <c>hybridai review approve</c> on the same
    /// file) is seen within <paramref name="pollInterval"/>. Cancel <paramref name="cancellationToken"/> to stop waiting
    /// (a timeout is a cancellation token too); the review stays pending.
    /// </summary>
    /// <example>
    /// <code>
    /// using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(10));
    /// ReviewItem decided = await queue.WaitForDecisionAsync(reviewId, TimeSpan.FromSeconds(1), patience.Token);
    /// bool go = decided.Status == ReviewStatus.Approved;
    /// </code>
    /// </example>
    /// <exception cref="KeyNotFoundException">The run has no review.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public async Task<ReviewItem> WaitForDecisionAsync(string runId, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        Require(runId, nameof(runId));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        while (true)
        {
            // Taken before reading, so a decision landing between the read and the wait still wakes it.
            var decided = Volatile.Read(ref _decided).Task;
            var item = await GetAsync(runId, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"No review exists for run '{runId}'.");
            if (item.Status != ReviewStatus.Pending)
                return item;
            var poll = Task.Delay(pollInterval, _time, cancellationToken);
            await Task.WhenAny(decided, poll).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Closes the file (or the PostgreSQL connections).</summary>
    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<ReviewItem> DecideCoreAsync(string runId, string reviewer, string? role, bool approved, string? comment,
        IReadOnlyDictionary<string, string>? edits, CancellationToken cancellationToken)
    {
        Require(runId, nameof(runId));
        var item = await GetAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No review exists for run '{runId}'.");
        if (item.Status != ReviewStatus.Pending)
            throw new ReviewAlreadyDecidedException(item);
        if (!item.Allows(role))
        {
            await AuditAsync(item, AuditEventType.ReviewerAction, $"refused: role {role ?? "(none)"} may not decide this gate", reviewer, role, typedByPerson: true).ConfigureAwait(false);
            throw new ReviewNotAllowedException(item, role);
        }
        if (edits is { Count: > 0 })
            await CheckEditsAsync(item, approved, edits, cancellationToken).ConfigureAwait(false);

        var status = approved ? ReviewStatus.Approved : ReviewStatus.Rejected;
        if (!await _db.TryDecideAsync(runId, status, reviewer, role, comment, edits, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            var now = await GetAsync(runId, cancellationToken).ConfigureAwait(false) ?? item;
            throw new ReviewAlreadyDecidedException(now);
        }
        var decided = await GetAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No review exists for run '{runId}'.");
        var outcome = (approved ? "approved" : "rejected") + (edits is { Count: > 0 } ? " with edits to " + string.Join(", ", edits.Keys) : "");
        await AuditAsync(decided, AuditEventType.GateDecision, outcome, reviewer, role).ConfigureAwait(false);
        Wake();
        return decided;
    }

    private async Task CheckEditsAsync(ReviewItem item, bool approved, IReadOnlyDictionary<string, string> edits, CancellationToken cancellationToken)
    {
        if (!approved)
            throw new ArgumentException($"Run '{item.RunId}': a rejection cannot carry edits; approve with edits, or reject without them.", nameof(edits));
        foreach (var field in edits.Keys)
        {
            if (!item.EditableFields.Contains(field, StringComparer.OrdinalIgnoreCase))
            {
                var which = item.EditableFields.Count == 0 ? "no fields" : "only " + string.Join(", ", item.EditableFields);
                throw new ArgumentException($"Run '{item.RunId}', gate '{item.Step}': field '{Clean(field)}' may not be edited (the gate allows {which}).", nameof(edits));
            }
        }
        // Values are checked against the checkpointed state now, so a bad edit is refused before it is recorded.
        if (await _db.LoadCheckpointAsync(item.RunId, cancellationToken).ConfigureAwait(false) is { } checkpoint)
            GateEdits.Apply(item.RunId, item.Step, checkpoint.StateJson, edits, item.EditableFields);
    }

    internal void Wake() =>
        Interlocked.Exchange(ref _decided, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    internal string? Mask(string? text) => string.IsNullOrEmpty(text) ? text : _masker.Value.Mask(text, new PiiVault());

    /// <summary>
    /// Records what the queue did. Outcomes are made of verdicts, configured roles and field names (edits are checked
    /// against the gate's list before they get here), which masking would only garble ("edits to Reply" read as a place);
    /// text a person typed (the actor, a refused role) is masked.
    /// </summary>
    internal ValueTask AuditAsync(ReviewItem item, AuditEventType type, string outcome, string? actor = null, string? actorRole = null, bool typedByPerson = false) =>
        _audit is not { } sink ? default : sink.WriteAsync(new AuditEvent
        {
            Timestamp = _time.GetUtcNow(),
            RunId = item.RunId,
            Workflow = item.Workflow,
            WorkflowVersion = item.WorkflowVersion ?? "-",
            Step = item.Step,
            StepIndex = -1,
            Kind = item.Step.StartsWith("tool:", StringComparison.Ordinal) ? StepKind.CallTool : StepKind.Gate,
            EventType = type,
            Outcome = typedByPerson ? _redaction.Value.Redact(outcome) : outcome,
            // Reviewer ids should be account ids; one typed as an e-mail address still reaches the trail masked.
            Actor = actor is null ? null : _redaction.Value.Redact(actor),
            // A configured role is kept as is; any other (a gate open to any role, a refused one) was typed by a person.
            ActorRole = actorRole is null || item.AllowedRoles.Contains(actorRole, StringComparer.Ordinal) || actorRole == item.EscalationRole
                ? actorRole : _redaction.Value.Redact(actorRole),
        });

    internal static string Requested(ReviewItem item)
    {
        var text = "review requested";
        if (item.AllowedRoles.Count > 0)
            text += "; roles " + string.Join(", ", item.AllowedRoles);
        if (item.EscalateAt is { } e)
            text += $"; escalates to {item.EscalationRole} at {Text(e)}";
        if (item.RejectAt is { } r)
            text += "; rejected at " + Text(r);
        return text;
    }

    private static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Clean(string text)
    {
        var bounded = text.Length > 64 ? text[..64] : text;
        return string.Create(bounded.Length, bounded, static (d, s) =>
        {
            for (var i = 0; i < s.Length; i++)
                d[i] = char.IsControl(s[i]) ? '?' : s[i];
        });
    }

    private static string Path(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return path;
    }

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} is required.", name);
    }
}
