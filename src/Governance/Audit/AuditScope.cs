using HybridAI.Orchestrator;

namespace HybridAI.Governance.Audit;

/// <summary>
/// The step running on this async flow, as <see cref="AuditMiddleware"/> publishes it, so that a model called from
/// inside the step (<see cref="AuditingChatClient"/>) is recorded under the step's run.
/// </summary>
internal static class AuditScope
{
    private static readonly AsyncLocal<StepContext?> CurrentStep = new();

    public static StepContext? Current
    {
        get => CurrentStep.Value;
        set => CurrentStep.Value = value;
    }
}
