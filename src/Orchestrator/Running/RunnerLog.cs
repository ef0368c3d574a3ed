using Microsoft.Extensions.Logging;

namespace HybridAI.Orchestrator.Running;

/// <summary>The runner's log lines: ids and names only, never state or exception messages (they may hold personal data).</summary>
internal static partial class RunnerLog
{
    [LoggerMessage(1, LogLevel.Warning, "Workflow {Workflow} {Version} failed at step {Step} in run {RunId} ({ExceptionType})")]
    public static partial void StepFailed(ILogger logger, string workflow, string version, string step, string runId, string exceptionType);

    [LoggerMessage(2, LogLevel.Information, "Workflow {Workflow} {Version} suspended run {RunId} at gate {Step}")]
    public static partial void Suspended(ILogger logger, string workflow, string version, string runId, string step);

    [LoggerMessage(3, LogLevel.Information, "Workflow {Workflow} {Version} resumed run {RunId} at gate {Step}")]
    public static partial void Resumed(ILogger logger, string workflow, string version, string runId, string step);

    [LoggerMessage(4, LogLevel.Information, "Workflow {Workflow} {Version} run {RunId} was cancelled")]
    public static partial void Cancelled(ILogger logger, string workflow, string version, string runId);
}
