namespace HybridAI.Orchestrator.Running;

/// <summary>What <see cref="RunContext.Services"/> is when the host gave none.</summary>
internal sealed class EmptyServiceProvider : IServiceProvider
{
    public static readonly EmptyServiceProvider Instance = new();

    public object? GetService(Type serviceType) => null;
}
