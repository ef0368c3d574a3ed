using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace HybridAI.Orchestrator;

public sealed partial class WorkflowRunner
{
    /// <summary>
    /// Runs <paramref name="workflow"/> once and reports as it goes: <see cref="StepStarted"/>, <see cref="TextDelta"/>
    /// (generate steps stream their chat client), <see cref="StepCompleted"/>, and last <see cref="Completed{TState}"/>.
    /// Stopping the enumeration early cancels the run.
    /// </summary>
    public async IAsyncEnumerable<WorkflowUpdate> RunStreamingAsync<TState>(Workflow<TState> workflow, TState input,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(input);
        var updates = Channel.CreateUnbounded<WorkflowUpdate>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = ProduceAsync(stop.Token);
        try
        {
            await foreach (var update in updates.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yield return update;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await run.ConfigureAwait(false);
        }

        async Task ProduceAsync(CancellationToken token)
        {
            try
            {
                var result = await ExecuteAsync(workflow, input, NewRunId(), 0, null, updates.Writer, token).ConfigureAwait(false);
                updates.Writer.TryWrite(new Completed<TState>(result));
                updates.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                updates.Writer.TryComplete(ex);
            }
        }
    }
}
