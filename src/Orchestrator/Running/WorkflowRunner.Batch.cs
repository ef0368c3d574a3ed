using System.Runtime.CompilerServices;
using System.Threading.Channels;
using HybridAI.Orchestrator.Batching;

namespace HybridAI.Orchestrator;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Runs <paramref name="workflow"/> on each input, at most <see cref="BatchOptions.MaxDegreeOfParallelism"/> at once,
    /// and yields the results in input order. A failing item yields a <see cref="RunStatus.Failed"/> result and the batch
    /// goes on. Reads ahead at most twice the parallelism, so a slow consumer holds back the inputs.
    /// Unlike <see cref="RunAsync{TState}"/>, cancelling the token ends the enumeration with an
    /// <see cref="OperationCanceledException"/> (items already running see the token and stop before their next step).
    /// Classify and score steps configured with <see cref="StepOptions{TState}.WithBatching"/> coalesce the items that
    /// reach them at the same time into one model call.
    /// </summary>
    public async IAsyncEnumerable<RunResult<TState>> RunBatchAsync<TState>(Workflow<TState> workflow, IAsyncEnumerable<TState> inputs,
        BatchOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(inputs);
        var parallelism = Math.Max(1, options?.MaxDegreeOfParallelism ?? Environment.ProcessorCount);
        var progress = new BatchCounter(options?.Progress);
        var batching = workflow.Batches ? new BatchRun(workflow.StepArray.Length, parallelism, Time) : null;

        // Not disposed on purpose: items still running when the consumer stops early release it afterwards.
        var slots = new SemaphoreSlim(parallelism, parallelism);
        var pending = Channel.CreateBounded<Task<RunResult<TState>>>(new BoundedChannelOptions(parallelism * 2)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ProduceAsync(stop.Token);
        try
        {
            await foreach (var item in pending.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var result = await item.ConfigureAwait(false);
                // Buffered results are not handed out once the caller has given up.
                cancellationToken.ThrowIfCancellationRequested();
                yield return result;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }

        async Task ProduceAsync(CancellationToken token)
        {
            try
            {
                await foreach (var input in inputs.WithCancellation(token).ConfigureAwait(false))
                {
                    await slots.WaitAsync(token).ConfigureAwait(false);
                    var tracked = batching?.Start(0);
                    var item = Task.Run(() => RunItemAsync(input, tracked), CancellationToken.None);
                    if (!pending.Writer.TryWrite(item))
                    {
                        await WriteBlockedAsync(item, token).ConfigureAwait(false);
                    }
                }
                pending.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                // Input errors and cancellation surface to the consumer after the items already started.
                pending.Writer.TryComplete(ex is OperationCanceledException && !cancellationToken.IsCancellationRequested ? null : ex);
            }
            finally
            {
                batching?.InputClosed();
            }
        }

        async Task WriteBlockedAsync(Task<RunResult<TState>> item, CancellationToken token)
        {
            batching?.ProducerBlocked(true);
            try
            {
                await pending.Writer.WriteAsync(item, token).ConfigureAwait(false);
            }
            finally
            {
                batching?.ProducerBlocked(false);
            }
        }

        async Task<RunResult<TState>> RunItemAsync(TState input, BatchItem? tracked)
        {
            try
            {
                var result = await ExecuteAsync(workflow, input, NewRunId(), 0, null, null, cancellationToken, tracked).ConfigureAwait(false);
                progress.Add(result.Status);
                return result;
            }
            finally
            {
                // Before the slot frees, so a batcher never counts the item and its successor both.
                tracked?.End();
                slots.Release();
            }
        }
    }

    private sealed class BatchCounter(IProgress<BatchProgress>? progress)
    {
        private readonly Lock _gate = new();
        private int _completed;
        private int _failed;
        private int _suspended;

        public void Add(RunStatus status)
        {
            BatchProgress snapshot;
            lock (_gate)
            {
                switch (status)
                {
                    case RunStatus.Completed: _completed++; break;
                    case RunStatus.Suspended: _suspended++; break;
                    default: _failed++; break;
                }
                snapshot = new BatchProgress(_completed, _failed, _suspended);
            }
            progress?.Report(snapshot);
        }
    }
}
