namespace HybridAI.Orchestrator;

/// <summary>How <see cref="WorkflowRunner.RunBatchAsync{TState}"/> runs a stream of inputs.</summary>
public sealed class BatchOptions
{
    /// <summary>At most this many items run at once. Default <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Told after each item finishes.</summary>
    public IProgress<BatchProgress>? Progress { get; set; }
}

/// <summary>Counts of finished batch items.</summary>
/// <param name="Completed">Items whose run completed.</param>
/// <param name="Failed">Items whose run failed or was cancelled.</param>
/// <param name="Suspended">Items waiting at a gate.</param>
public readonly record struct BatchProgress(int Completed, int Failed, int Suspended)
{
    /// <summary>All finished items.</summary>
    public int Total => Completed + Failed + Suspended;
}
