namespace HybridAI.Orchestrator.Batching;

/// <summary>A step's batcher within one batch run.</summary>
internal abstract class StepBatcher
{
    /// <summary>Flushes the waiting micro-batch if no other item can still join it.</summary>
    public abstract void Recheck();
}
