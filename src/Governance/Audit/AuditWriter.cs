using System.Threading.Channels;

namespace HybridAI.Governance.Audit;

/// <summary>
/// The queue and the single background writer every audit log shares: events wait in a bounded channel, the writer
/// takes up to a batch at a time and hands it to the backend, retrying the same batch while the store is locked or
/// busy, so a passing lock loses nothing (writers wait once the queue is full).
/// </summary>
internal sealed class AuditWriter
{
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(1);

    private readonly IAuditBatchStore _store;
    private readonly string _location;
    private readonly AuditEvent[] _batch;
    private readonly Channel<Entry> _queue;
    private readonly TimeSpan _retryFor;
    private readonly Task _task;
    private Exception? _failure;

    public AuditWriter(IAuditBatchStore store, string location, int batchSize, int capacity, TimeSpan retryFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _store = store;
        _location = location;
        _batch = new AuditEvent[batchSize];
        _retryFor = retryFor;
        _queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
        _task = Task.Run(RunAsync);
    }

    public ValueTask WriteAsync(in AuditEvent auditEvent)
    {
        if (auditEvent.RunId is null || auditEvent.Workflow is null || auditEvent.WorkflowVersion is null)
            throw new ArgumentException("An audit event needs RunId, Workflow and WorkflowVersion.", nameof(auditEvent));
        return _queue.Writer.TryWrite(new Entry(auditEvent, null)) ? default : WriteSlowAsync(auditEvent);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _queue.Writer.WriteAsync(new Entry(default, done), cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw Closed(ex);
        }
        await done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores everything still queued, then stops; throws when some events could not be stored.</summary>
    public async ValueTask CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _task.ConfigureAwait(false);
        if (_failure is not null)
            throw new InvalidOperationException($"The audit writer for {_location} failed; some events were not stored: {_failure.Message}", _failure);
    }

    private async ValueTask WriteSlowAsync(AuditEvent auditEvent)
    {
        try
        {
            await _queue.Writer.WriteAsync(new Entry(auditEvent, null)).ConfigureAwait(false);
        }
        catch (ChannelClosedException ex)
        {
            throw Closed(ex);
        }
    }

    private Exception Closed(Exception inner) => _failure is not null
        ? new InvalidOperationException($"The audit writer for {_location} failed; no more events are accepted: {_failure.Message}", _failure)
        : new ObjectDisposedException($"audit log {_location}", inner);

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        List<TaskCompletionSource>? flushes = null;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                var count = 0;
                while (count < _batch.Length && reader.TryRead(out var entry))
                {
                    if (entry.Flush is not null)
                    {
                        (flushes ??= []).Add(entry.Flush);
                        break; // store now so the flush completes promptly
                    }
                    _batch[count++] = entry.Event;
                }
                if (count > 0)
                    await StoreWithRetryAsync(count).ConfigureAwait(false);
                if (flushes is { Count: > 0 })
                {
                    foreach (var f in flushes)
                        f.TrySetResult();
                    flushes.Clear();
                }
            }
        }
        catch (Exception ex)
        {
            _failure = ex;
            _queue.Writer.TryComplete(ex);
            var error = new InvalidOperationException($"The audit writer for {_location} failed: {ex.Message}", ex);
            foreach (var f in flushes ?? [])
                f.TrySetException(error);
            while (reader.TryRead(out var entry))
                entry.Flush?.TrySetException(error);
        }
    }

    private async Task StoreWithRetryAsync(int count)
    {
        var pause = FirstPause;
        var giveUpAt = DateTime.UtcNow + _retryFor;
        while (true)
        {
            try
            {
                await _store.StoreAsync(_batch.AsMemory(0, count), CancellationToken.None).ConfigureAwait(false);
                Array.Clear(_batch, 0, count); // drop references to the stored strings
                return;
            }
            catch (Exception ex) when (_store.IsTransient(ex) && DateTime.UtcNow < giveUpAt)
            {
                await Task.Delay(pause).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
            }
        }
    }

    private readonly record struct Entry(AuditEvent Event, TaskCompletionSource? Flush);
}
