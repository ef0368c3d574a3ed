using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HybridAI.Orchestrator.Telemetry;

/// <summary>The engine's spans and instruments. Callers check <c>HasListeners</c>/<c>Enabled</c> first so an unobserved run pays nothing.</summary>
internal static class OrchestratorTelemetry
{
    public static readonly ActivitySource Source = new(TelemetryNames.SourceName);
    public static readonly Meter Meter = new(TelemetryNames.SourceName);

    public static readonly Histogram<double> StepDuration =
        Meter.CreateHistogram<double>("hybridai.step.duration", unit: "s", description: "Duration of workflow steps.");

    public static readonly Counter<long> StepCount =
        Meter.CreateCounter<long>("hybridai.step.count", description: "Workflow steps executed, by workflow, step and status.");

    public static readonly Counter<long> RunCount =
        Meter.CreateCounter<long>("hybridai.run.count", description: "Workflow runs, by workflow and status.");

    public static string StatusTag(RunStatus status) => status switch
    {
        RunStatus.Completed => "completed",
        RunStatus.Suspended => "suspended",
        RunStatus.Failed => "failed",
        _ => "cancelled",
    };
}
