namespace HybridAI.Orchestrator.Batching;

/// <summary>
/// Coalesces the items of one batch run that reach one step into micro-batches: a micro-batch goes when it is full,
/// when no other item can still join it, or when its first item has waited the maximum wait. A batched call that
/// throws is retried one input at a time, so each item gets its own result or its own error.
/// </summary>
internal sealed class MicroBatcher<TIn, TOut> : StepBatcher
{
    private readonly BatchRun _run;
    private readonly int _stepIndex;
    private readonly BatchingSettings _settings;
    private readonly Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> _many;
    private readonly Func<TIn, TOut> _one;
    private readonly List<Entry> _pending;
    private ITimer? _timer;
    private long _window;

    public MicroBatcher(BatchRun run, int stepIndex, BatchingSettings settings, Func<IReadOnlyList<TIn>, IReadOnlyList<TOut>> many, Func<TIn, TOut> one)
    {
        _run = run;
        _stepIndex = stepIndex;
        _settings = settings;
        _many = many;
        _one = one;
        _pending = new List<Entry>(settings.MaxBatchSize);
    }

    /// <summary>Waits for <paramref name="input"/>'s result; the caller's own item may run the micro-batch it completes.</summary>
    public async ValueTask<TOut> RunAsync(TIn input, BatchItem item, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var entry = new Entry(this, input, item);
        Entry[]? ready;
        lock (_run.Gate)
        {
            item.Joined = true;
            item.Parked = true;
            _pending.Add(entry);
            ready = TakeIfReady();
            if (ready is null && _timer is null)
            {
                StartTimer();
            }
        }

        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static (state, token) => ((Entry)state!).Cancel(token), entry)
            : default;
        if (ready is not null)
        {
            Execute(ready);
        }

        return await entry.Result.Task.ConfigureAwait(false);
    }

    public override void Recheck()
    {
        Entry[]? ready;
        lock (_run.Gate)
        {
            ready = TakeIfReady();
        }

        if (ready is not null)
        {
            // Not on the caller's thread: it is another item moving on, or the producer.
            ThreadPool.UnsafeQueueUserWorkItem(static state => state.Batcher.Execute(state.Ready), (Batcher: this, Ready: ready), preferLocal: false);
        }
    }

    // Under the gate.
    private Entry[]? TakeIfReady()
    {
        if (_pending.Count == 0)
        {
            return null;
        }

        if (_pending.Count < _settings.MaxBatchSize && _settings.MaxWait > TimeSpan.Zero && _run.CouldStillJoin(_stepIndex))
        {
            return null;
        }

        return TakeAll();
    }

    // Under the gate.
    private Entry[] TakeAll()
    {
        var taken = _pending.ToArray();
        foreach (var entry in taken)
        {
            entry.Item.Parked = false;
        }

        _pending.Clear();
        _timer?.Dispose();
        _timer = null;
        _window++;
        return taken;
    }

    // Under the gate.
    private void StartTimer()
    {
        var window = new TimerWindow(this, _window);
        _timer = _run.Time.CreateTimer(static state => ((TimerWindow)state!).Fire(), window, _settings.MaxWait, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer(long window)
    {
        Entry[]? ready = null;
        lock (_run.Gate)
        {
            // A timer that fires as its window is flushed must not cut the next window short.
            if (window == _window && _pending.Count > 0)
            {
                ready = TakeAll();
            }
        }

        if (ready is not null)
        {
            Execute(ready);
        }
    }

    private void Execute(Entry[] batch)
    {
        if (batch.Length == 1)
        {
            batch[0].RunAlone(_one);
            return;
        }

        var inputs = new TIn[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            inputs[i] = batch[i].Input;
        }

        IReadOnlyList<TOut>? results;
        try
        {
            results = _many(inputs);
        }
#pragma warning disable CA1031 // Any failure of the batched call is retried input by input, where it belongs to one item.
        catch (Exception)
#pragma warning restore CA1031
        {
            results = null;
        }

        if (results is null || results.Count != batch.Length)
        {
            foreach (var entry in batch)
            {
                entry.RunAlone(_one);
            }

            return;
        }

        for (var i = 0; i < batch.Length; i++)
        {
            batch[i].Result.TrySetResult(results[i]);
        }
    }

    private void Remove(Entry entry)
    {
        lock (_run.Gate)
        {
            if (_pending.Remove(entry))
            {
                entry.Item.Parked = false;
            }
        }
    }

    private sealed class Entry(MicroBatcher<TIn, TOut> owner, TIn input, BatchItem item)
    {
        public TIn Input { get; } = input;

        public BatchItem Item { get; } = item;

        // Asynchronous continuations: the thread that runs a micro-batch must not run the other items' next steps.
        public TaskCompletionSource<TOut> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Cancel(CancellationToken token)
        {
            owner.Remove(this);
            Result.TrySetCanceled(token);
        }

        public void RunAlone(Func<TIn, TOut> one)
        {
            if (Result.Task.IsCompleted)
            {
                return;
            }

            try
            {
                Result.TrySetResult(one(Input));
            }
#pragma warning disable CA1031 // The error is the item's own: it surfaces from its step as if unbatched.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Result.TrySetException(ex);
            }
        }
    }

    private sealed class TimerWindow(MicroBatcher<TIn, TOut> owner, long window)
    {
        public void Fire() => owner.OnTimer(window);
    }
}
