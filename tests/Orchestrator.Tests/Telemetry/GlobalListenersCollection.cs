namespace HybridAI.Orchestrator.Tests.Telemetry;

/// <summary>
/// Activity and meter listeners are process-wide: tests that add them, and tests that need none, run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalListenersCollection
{
    public const string Name = "global listeners";
}
