using System.Diagnostics;
using System.Text.Json;
using HybridAI.Orchestrator.Running;
using HybridAI.Orchestrator.Steps;
using HybridAI.Orchestrator.Telemetry;

namespace HybridAI.Orchestrator;

public sealed partial class WorkflowRunner
{
    /// <summary>The innermost run delegate: the step loop. Allocates nothing per step when nobody listens.</summary>
    internal async ValueTask ExecuteStepsAsync<TState>(RunScope<TState> run)
        where TState : class, new()
    {
        var workflow = run.Workflow;
        var steps = workflow.StepArray;
        var scope = run.Step;
        var pipeline = workflow.StepPipeline;
        var cancellationToken = run.CancellationToken;
        var executed = 0;
        var index = run.StartIndex;

        while ((uint)index < (uint)steps.Length)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                run.Status = RunStatus.Cancelled;
                return;
            }
            var step = steps[index];
            run.BatchItem?.Moved(index);
            if (++executed > _maxSteps)
            {
                throw new WorkflowStepException(workflow.Name, step.Name, run.RunId, new WorkflowRunException(
                    $"Run '{run.RunId}' of workflow '{workflow.Name}' executed {_maxSteps} steps without ending; a branch probably loops (raise WorkflowRunnerOptions.MaxStepsPerRun if intended)."));
            }

            scope.Current = step;
            scope.Outcome = null;
            scope.Fallback = null;
            run.NextIndex = index + 1;
            if (run.Sink is { } sink)
            {
                await sink.WriteAsync(new StepStarted(step.Name, step.Kind), cancellationToken).ConfigureAwait(false);
            }
            var activity = OrchestratorTelemetry.Source.HasListeners() ? StartStepActivity(run, step) : null;
            scope.Activity = activity;
            var started = Time.GetTimestamp();
            try
            {
                await pipeline(scope).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                EndStep(run, step, activity, started, "cancelled");
                run.Status = RunStatus.Cancelled;
                return;
            }
            catch (Exception ex)
            {
                EndStep(run, step, activity, started, "error", ex);
                RunnerLog.StepFailed(_logger, workflow.Name, workflow.Version, step.Name, run.RunId, ex.GetType().Name);
                throw new WorkflowStepException(workflow.Name, step.Name, run.RunId, ex);
            }
            EndStep(run, step, activity, started, "ok");

            if (run.Sink is { } done)
            {
                await done.WriteAsync(new StepCompleted(step.Name, scope.Outcome), cancellationToken).ConfigureAwait(false);
            }
            if (run.SuspendRequested)
            {
                await SuspendAsync(run, step).ConfigureAwait(false);
                return;
            }
            index = run.NextIndex;
        }
        run.Status = RunStatus.Completed;
    }

    private async ValueTask SuspendAsync<TState>(RunScope<TState> run, WorkflowStep<TState> gate)
        where TState : class, new()
    {
        var workflow = run.Workflow;
        var checkpoint = new Checkpoint(
            run.RunId,
            workflow.Name,
            workflow.Version,
            gate.Name,
            workflow.SchemaHash,
            JsonSerializer.Serialize(run.TypedState, workflow.JsonInfo),
            run.SuspendReason,
            Time.GetUtcNow())
        {
            Review = run.SuspendReview,
        };
        await _checkpoints.SaveAsync(checkpoint, run.CancellationToken).ConfigureAwait(false);
        run.Status = RunStatus.Suspended;
        run.SuspendedAtStep = gate.Name;
        RunnerLog.Suspended(_logger, workflow.Name, workflow.Version, run.RunId, gate.Name);
    }

    private void EndStep<TState>(RunScope<TState> run, WorkflowStep<TState> step, Activity? activity, long started, string status, Exception? error = null)
        where TState : class, new()
    {
        var elapsed = Time.GetElapsedTime(started);
        var outcome = run.Step.Outcome;
        run.Timings.Add(new StepTiming(step.Name, step.Kind, elapsed, outcome));
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.Status, status);
            if (outcome is not null)
            {
                activity.SetTag(TelemetryNames.StepOutcome, outcome);
            }
            if (error is not null)
            {
                // The type only: an exception message may carry personal data.
                activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            }
            activity.Dispose();
            run.Step.Activity = null;
        }
        if (OrchestratorTelemetry.StepDuration.Enabled || OrchestratorTelemetry.StepCount.Enabled)
        {
            var tags = new TagList
            {
                { TelemetryNames.WorkflowName, run.Workflow.Name },
                { TelemetryNames.StepName, step.Name },
                { TelemetryNames.StepKind, StepKindNames.Of(step.Kind) },
                { TelemetryNames.Status, status },
            };
            OrchestratorTelemetry.StepDuration.Record(elapsed.TotalSeconds, tags);
            OrchestratorTelemetry.StepCount.Add(1, tags);
        }
    }

    private static Activity? StartStepActivity<TState>(RunScope<TState> run, WorkflowStep<TState> step)
        where TState : class, new()
    {
        var activity = OrchestratorTelemetry.Source.StartActivity(step.SpanName, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(TelemetryNames.WorkflowName, run.Workflow.Name);
            activity.SetTag(TelemetryNames.WorkflowVersion, run.Workflow.Version);
            activity.SetTag(TelemetryNames.RunId, run.RunId);
            activity.SetTag(TelemetryNames.StepName, step.Name);
            activity.SetTag(TelemetryNames.StepKind, StepKindNames.Of(step.Kind));
        }
        return activity;
    }
}
