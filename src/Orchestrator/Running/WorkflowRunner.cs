using System.Diagnostics;
using System.Threading.Channels;
using HybridAI.Orchestrator.Running;
using HybridAI.Orchestrator.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HybridAI.Orchestrator;

/// <summary>
/// Runs workflows: one request (<see cref="RunAsync{TState}"/>), a stream of inputs (<see cref="RunBatchAsync{TState}"/>),
/// with text as it is generated (<see cref="RunStreamingAsync{TState}"/>), and runs suspended at a gate
/// (<see cref="ResumeAsync{TState}"/>). Thread-safe; one runner serves the whole application.
/// </summary>
/// <remarks>
/// Runs do not throw for what happens inside them: a failing step gives <see cref="RunStatus.Failed"/> with
/// <see cref="RunResult{TState}.Error"/> set, and a cancelled token gives <see cref="RunStatus.Cancelled"/>
/// (the run stops before its next step, or inside a step that honours the token).
/// </remarks>
/// <example>
/// <code>
/// var runner = new WorkflowRunner(checkpoints: new SqliteCheckpointStore("checkpoints.db"));
/// RunResult&lt;Ticket&gt; result = await runner.RunAsync(triage, new Ticket { Text = "I was charged twice" });
/// if (result.Status == RunStatus.Suspended)
///     result = await runner.ResumeAsync(triage, result.RunId, new GateDecision(Approved: true, Reviewer: "agent-7"));
/// </code>
/// </example>
public sealed partial class WorkflowRunner
{
    private readonly int _maxSteps;
    private readonly ICheckpointStore _checkpoints;
    private readonly ILogger _logger;

    /// <summary>Creates a runner.</summary>
    /// <param name="options">Limits; defaults when null.</param>
    /// <param name="checkpoints">Where gates checkpoint suspended runs; an <see cref="InMemoryCheckpointStore"/> when null.</param>
    /// <param name="time">The clock (step timings, checkpoint times, resilience delays); <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="services">Handed to middleware through <see cref="RunContext.Services"/>.</param>
    /// <param name="logging">Where the runner logs failures and suspensions (ids and names only).</param>
    public WorkflowRunner(WorkflowRunnerOptions? options = null, ICheckpointStore? checkpoints = null, TimeProvider? time = null,
        IServiceProvider? services = null, ILoggerFactory? logging = null)
    {
        _maxSteps = options?.MaxStepsPerRun ?? new WorkflowRunnerOptions().MaxStepsPerRun;
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxSteps, 1, nameof(options));
        _checkpoints = checkpoints ?? new InMemoryCheckpointStore();
        Time = time ?? TimeProvider.System;
        Services = services ?? EmptyServiceProvider.Instance;
        _logger = (ILogger?)logging?.CreateLogger<WorkflowRunner>() ?? NullLogger.Instance;
    }

    /// <summary>The runner's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>Where suspended runs are kept.</summary>
    public ICheckpointStore Checkpoints => _checkpoints;

    internal IServiceProvider Services { get; }

    /// <summary>Runs <paramref name="workflow"/> once on <paramref name="input"/> (which the steps mutate).</summary>
    /// <param name="workflow">The workflow.</param>
    /// <param name="input">The initial state.</param>
    /// <param name="cancellationToken">Stops the run before its next step; the result is then <see cref="RunStatus.Cancelled"/>.</param>
    /// <param name="runId">The run's id; a new one when null.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1068", Justification = "Shape agreed with the integrator: runId is a rarely used optional extra.")]
    public Task<RunResult<TState>> RunAsync<TState>(Workflow<TState> workflow, TState input, CancellationToken cancellationToken = default, string? runId = null)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(input);
        return ExecuteAsync(workflow, input, runId ?? NewRunId(), 0, null, null, cancellationToken);
    }

    private static string NewRunId() => Guid.CreateVersion7().ToString("N");

    private async Task<RunResult<TState>> ExecuteAsync<TState>(Workflow<TState> workflow, TState input, string runId, int startIndex,
        GateDecision? decision, ChannelWriter<WorkflowUpdate>? sink, CancellationToken cancellationToken, Batching.BatchItem? batchItem = null)
        where TState : class, new()
    {
        var run = new RunScope<TState>(this, workflow, runId, input, cancellationToken)
        {
            BatchItem = batchItem,
            StartIndex = startIndex,
            PendingDecision = decision,
            Sink = sink,
        };
        var started = Time.GetTimestamp();
        var activity = OrchestratorTelemetry.Source.HasListeners()
            ? StartRunActivity(workflow, runId)
            : null;
        try
        {
            await workflow.RunPipeline(run).ConfigureAwait(false);
        }
        catch (WorkflowStepException ex)
        {
            run.Status = RunStatus.Failed;
            run.Error = ex;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Status = RunStatus.Cancelled;
        }
        catch (Exception ex)
        {
            // A run middleware failed outside any step.
            run.Status = RunStatus.Failed;
            run.Error = new WorkflowStepException(workflow.Name, "$run", runId, ex);
            RunnerLog.StepFailed(_logger, workflow.Name, workflow.Version, "$run", runId, ex.GetType().Name);
        }

        if (run.Status == RunStatus.Cancelled)
        {
            RunnerLog.Cancelled(_logger, workflow.Name, workflow.Version, runId);
        }
        if (decision is not null && run.Status is RunStatus.Completed or RunStatus.Failed)
        {
            // The resumed run has ended; a cancelled one keeps its checkpoint so it can be resumed again.
            await _checkpoints.DeleteAsync(runId, CancellationToken.None).ConfigureAwait(false);
        }

        var elapsed = Time.GetElapsedTime(started);
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.Status, OrchestratorTelemetry.StatusTag(run.Status));
            if (run.Status == RunStatus.Failed)
            {
                activity.SetStatus(ActivityStatusCode.Error, run.Error?.InnerException?.GetType().Name);
            }
            activity.Dispose();
        }
        if (OrchestratorTelemetry.RunCount.Enabled)
        {
            OrchestratorTelemetry.RunCount.Add(1,
                new KeyValuePair<string, object?>(TelemetryNames.WorkflowName, workflow.Name),
                new KeyValuePair<string, object?>(TelemetryNames.WorkflowVersion, workflow.Version),
                new KeyValuePair<string, object?>(TelemetryNames.Status, OrchestratorTelemetry.StatusTag(run.Status)));
        }
        return new RunResult<TState>(runId, run.Status, run.TypedState, run.Error, run.SuspendedAtStep, run.SuspendReason, run.Timings, elapsed);
    }

    private static Activity? StartRunActivity<TState>(Workflow<TState> workflow, string runId)
        where TState : class, new()
    {
        var activity = OrchestratorTelemetry.Source.StartActivity(workflow.RunSpanName, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.GenAiOperation, "invoke_workflow");
            activity.SetTag(TelemetryNames.WorkflowName, workflow.Name);
            activity.SetTag(TelemetryNames.WorkflowVersion, workflow.Version);
            activity.SetTag(TelemetryNames.RunId, runId);
        }
        return activity;
    }
}
