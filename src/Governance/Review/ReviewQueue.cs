using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Review;

/// <summary>
/// Runs waiting for a human decision, in their own SQLite file (WAL). One connection, one operation at a time:
/// the single writer of the file. Enqueueing the same run twice keeps the first request.
/// </summary>
/// <example>
/// <code>
/// await using var queue = new ReviewQueue("reviews.db", TimeProvider.System);
/// await queue.EnqueueAsync(new ReviewItem { RunId = run.RunId, Workflow = "triage", Step = "gate",
///     Reason = "p=0.41", Summary = maskedText, CreatedAt = DateTimeOffset.UtcNow });
/// foreach (var item in await queue.ListPendingAsync()) { /* show to a reviewer */ }
/// await queue.DecideAsync(run.RunId, approved: true, reviewer: "agent-7", comment: null);
/// </code>
/// </example>
public sealed class ReviewQueue : IAsyncDisposable
{
    private const string Columns = "run_id, workflow, step, reason, summary, created_at, status, reviewer, comment, decided_at";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Completed (and replaced) by every decision made through this instance, so an in-process waiter wakes at once;
    // decisions made by another process (another ReviewQueue on the same file) are seen by polling.
    private TaskCompletionSource _decided = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Opens (or creates) the review file.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="timeProvider">Dates decisions; the system clock when null.</param>
    public ReviewQueue(string path, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _time = timeProvider ?? TimeProvider.System;
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS reviews (
                run_id TEXT PRIMARY KEY,
                workflow TEXT NOT NULL,
                step TEXT NOT NULL,
                reason TEXT NOT NULL,
                summary TEXT,
                created_at TEXT NOT NULL,
                status TEXT NOT NULL,
                reviewer TEXT,
                comment TEXT,
                decided_at TEXT);
            CREATE INDEX IF NOT EXISTS ix_reviews_pending ON reviews(status, created_at);
            """;
        create.ExecuteNonQuery();
    }

    /// <summary>Adds a pending review; returns false when the run already has one (which is kept unchanged).</summary>
    public async Task<bool> EnqueueAsync(ReviewItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        Require(item.RunId, nameof(item.RunId));
        Require(item.Workflow, nameof(item.Workflow));
        Require(item.Step, nameof(item.Step));
        Require(item.Reason, nameof(item.Reason));
        return await WithConnectionAsync(async () =>
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = $"INSERT INTO reviews ({Columns}) VALUES ($run, $wf, $step, $reason, $summary, $created, 'Pending', NULL, NULL, NULL) ON CONFLICT(run_id) DO NOTHING";
            command.Parameters.AddWithValue("$run", item.RunId);
            command.Parameters.AddWithValue("$wf", item.Workflow);
            command.Parameters.AddWithValue("$step", item.Step);
            command.Parameters.AddWithValue("$reason", item.Reason);
            command.Parameters.AddWithValue("$summary", (object?)item.Summary ?? DBNull.Value);
            command.Parameters.AddWithValue("$created", item.CreatedAt.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The pending reviews, oldest first.</summary>
    public Task<IReadOnlyList<ReviewItem>> ListPendingAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM reviews WHERE status = 'Pending' ORDER BY created_at, run_id", null, cancellationToken);

    /// <summary>The review of a run, or null when there is none.</summary>
    public async Task<ReviewItem?> GetAsync(string runId, CancellationToken cancellationToken = default)
    {
        Require(runId, nameof(runId));
        var items = await QueryAsync($"SELECT {Columns} FROM reviews WHERE run_id = $run", runId, cancellationToken).ConfigureAwait(false);
        return items.Count == 0 ? null : items[0];
    }

    /// <summary>Records the reviewer's decision on a pending review and returns the decided item.</summary>
    /// <exception cref="KeyNotFoundException">The run has no review.</exception>
    /// <exception cref="InvalidOperationException">The review was already decided.</exception>
    public async Task<ReviewItem> DecideAsync(string runId, bool approved, string reviewer, string? comment = null, CancellationToken cancellationToken = default)
    {
        Require(runId, nameof(runId));
        Require(reviewer, nameof(reviewer));
        var changed = await WithConnectionAsync(async () =>
        {
            await using var command = _connection.CreateCommand();
            command.CommandText = "UPDATE reviews SET status = $status, reviewer = $reviewer, comment = $comment, decided_at = $at WHERE run_id = $run AND status = 'Pending'";
            command.Parameters.AddWithValue("$status", approved ? nameof(ReviewStatus.Approved) : nameof(ReviewStatus.Rejected));
            command.Parameters.AddWithValue("$reviewer", reviewer);
            command.Parameters.AddWithValue("$comment", (object?)comment ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$run", runId);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        var item = await GetAsync(runId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No review exists for run '{runId}'.");
        if (changed == 0)
            throw new InvalidOperationException($"The review for run '{runId}' was already decided ({item.Status}).");
        Interlocked.Exchange(ref _decided, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return item;
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

    /// <summary>Closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<IReadOnlyList<ReviewItem>> QueryAsync(string sql, string? runId, CancellationToken cancellationToken) =>
        await WithConnectionAsync(async () =>
        {
            var items = new List<ReviewItem>();
            await using var command = _connection.CreateCommand();
            command.CommandText = sql;
            if (runId is not null)
                command.Parameters.AddWithValue("$run", runId);
            await using var r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(new ReviewItem
                {
                    RunId = r.GetString(0),
                    Workflow = r.GetString(1),
                    Step = r.GetString(2),
                    Reason = r.GetString(3),
                    Summary = r.IsDBNull(4) ? null : r.GetString(4),
                    CreatedAt = ParseDate(r.GetString(5)),
                    Status = Enum.Parse<ReviewStatus>(r.GetString(6)),
                    Reviewer = r.IsDBNull(7) ? null : r.GetString(7),
                    Comment = r.IsDBNull(8) ? null : r.GetString(8),
                    DecidedAt = r.IsDBNull(9) ? null : ParseDate(r.GetString(9)),
                });
            }
            return (IReadOnlyList<ReviewItem>)items;
        }, cancellationToken).ConfigureAwait(false);

    private async Task<T> WithConnectionAsync<T>(Func<Task<T>> action, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);

    private static void Require(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{name} is required.", name);
    }
}
