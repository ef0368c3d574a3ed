namespace HybridAI.Orchestrator;

/// <summary>Settings of the engine when hosted through <c>AddHybridAI</c>.</summary>
public sealed class HybridAIOptions
{
    /// <summary>The SQLite file that keeps suspended runs. Default <c>hybridai-checkpoints.db</c>.</summary>
    public string CheckpointPath { get; set; } = "hybridai-checkpoints.db";

    /// <summary>How many steps one run may execute before it fails. Default 1000.</summary>
    public int MaxStepsPerRun { get; set; } = 1000;
}
