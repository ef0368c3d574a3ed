namespace HybridAI.Orchestrator.Batching;

/// <summary>
/// One <see cref="WorkflowRunner.RunBatchAsync{TState}"/> call as its step batchers see it: which items are in flight,
/// where, and whether they wait in a micro-batch, and whether the producer can still start more. A micro-batch waits
/// only while this says another item may still reach its step, so a batch run with parallelism 1 never waits.
/// </summary>
internal sealed class BatchRun
{
    private readonly List<BatchItem> _live;
    private readonly StepBatcher?[] _batchers;
    private readonly int _parallelism;
    private bool _inputOpen = true;
    private bool _producerBlocked;

    public BatchRun(int stepCount, int parallelism, TimeProvider time)
    {
        _batchers = new StepBatcher?[stepCount];
        _parallelism = parallelism;
        _live = new List<BatchItem>(parallelism);
        Time = time;
    }

    /// <summary>Guards the in-flight items and every batcher of this run: one lock, so a check sees one consistent picture.</summary>
    public Lock Gate { get; } = new();

    public TimeProvider Time { get; }

    /// <summary>Registers an item when it takes a slot, before it runs, so a batcher already counts it.</summary>
    public BatchItem Start(int startIndex)
    {
        var item = new BatchItem(this, startIndex);
        lock (Gate)
        {
            _live.Add(item);
        }

        return item;
    }

    public void End(BatchItem item)
    {
        lock (Gate)
        {
            _live.Remove(item);
        }

        Changed();
    }

    public void Moved(BatchItem item, int stepIndex)
    {
        lock (Gate)
        {
            item.Position = stepIndex;
            item.Joined = false;
            item.Parked = false;
        }

        Changed();
    }

    /// <summary>The input stream has ended (or the batch stopped): no new item will start.</summary>
    public void InputClosed()
    {
        lock (Gate)
        {
            _inputOpen = false;
        }

        Changed();
    }

    /// <summary>
    /// The producer waits for the consumer to take results; free slots will not fill until then, and the consumer may
    /// itself be waiting for an item parked in a batcher, so free slots must not hold a micro-batch back.
    /// </summary>
    public void ProducerBlocked(bool blocked)
    {
        lock (Gate)
        {
            _producerBlocked = blocked;
        }

        Changed();
    }

    public TBatcher GetBatcher<TBatcher, TArg>(int stepIndex, TArg arg, Func<BatchRun, TArg, TBatcher> create)
        where TBatcher : StepBatcher
    {
        lock (Gate)
        {
            return (TBatcher)(_batchers[stepIndex] ??= create(this, arg));
        }
    }

    /// <summary>Whether an item not yet in the batcher of <paramref name="stepIndex"/> may still reach it. Call under <see cref="Gate"/>.</summary>
    public bool CouldStillJoin(int stepIndex)
    {
        // While inputs remain, a free slot, or one that a running item will free, brings a new item to the step.
        var refills = _inputOpen && !_producerBlocked;
        if (refills && _live.Count < _parallelism)
        {
            return true;
        }

        foreach (var item in _live)
        {
            // An item before the step (running, or parked in an earlier step's micro-batch) will reach it.
            if (item.Position < stepIndex || (item.Position == stepIndex && !item.Joined))
            {
                return true;
            }

            // Items parked in a micro-batch are never waited for: that is what keeps two batching steps from waiting
            // on each other, and the lowest waiting micro-batch always goes without its timer.
            if (refills && !item.Parked)
            {
                return true;
            }
        }

        return false;
    }

    private void Changed()
    {
        foreach (var batcher in _batchers)
        {
            batcher?.Recheck();
        }
    }
}
