namespace HybridAI.Orchestrator.Batching;

/// <summary>What <see cref="StepOptions{TState}.WithBatching"/> asked for.</summary>
internal sealed record BatchingSettings(int MaxBatchSize, TimeSpan MaxWait)
{
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromMilliseconds(2);
}
