namespace HybridAI.Orchestrator.Batching;

/// <summary>One in-flight item of a <see cref="BatchRun"/>. Its fields change under <see cref="BatchRun.Gate"/>.</summary>
internal sealed class BatchItem(BatchRun run, int position)
{
    public BatchRun Run { get; } = run;

    /// <summary>The index of the step the item is running.</summary>
    public int Position { get; set; } = position;

    /// <summary>Whether the item has entered the batcher of the step at <see cref="Position"/>.</summary>
    public bool Joined { get; set; }

    /// <summary>Whether the item waits in a micro-batch that has not gone yet.</summary>
    public bool Parked { get; set; }

    public void Moved(int stepIndex) => Run.Moved(this, stepIndex);

    public void End() => Run.End(this);
}
