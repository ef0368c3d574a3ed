using System.Collections.Concurrent;
using HybridAI.Orchestrator.Running;
using HybridAI.Orchestrator.Steps;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace HybridAI.Orchestrator.Resilience;

/// <summary>
/// A step's Polly pipeline and fallback. The pipeline is built at Build() on the system clock (which also
/// validates the options) and once more per other clock a runner brings, so a circuit breaker's state is shared
/// by every run of the workflow instance on that clock.
/// </summary>
internal sealed class StepResilience<TState>
    where TState : class, new()
{
    private readonly StepOptions<TState> _options;
    private readonly ResiliencePipeline? _systemPipeline;
    private ConcurrentDictionary<TimeProvider, ResiliencePipeline>? _otherClocks;

    public StepResilience(StepOptions<TState> options, string workflowName, string stepName)
    {
        _options = options;
        Fallback = options.Fallback;
        if (options.NeedsPipeline)
        {
            try
            {
                _systemPipeline = Create(TimeProvider.System);
            }
            catch (Exception ex) when (ex is ArgumentException or System.ComponentModel.DataAnnotations.ValidationException or InvalidOperationException)
            {
                throw new WorkflowValidationException($"Workflow '{workflowName}' step '{stepName}': invalid resilience options: {ex.Message}", ex);
            }
        }
    }

    public Func<TState, Exception, CancellationToken, ValueTask>? Fallback { get; }

    public async ValueTask ExecuteAsync(WorkflowStep<TState> step, StepScope<TState> scope)
    {
        var cancellationToken = scope.RunScope.CancellationToken;
        scope.Attempts = 0;
        try
        {
            var pipeline = PipelineFor(scope.RunScope.TimeProvider);
            if (pipeline is null)
            {
                scope.Attempts = 1;
                await step.ExecuteAsync(scope, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await pipeline.ExecuteAsync(
                    static (s, ct) =>
                    {
                        s.scope.Attempts++;
                        return s.step.ExecuteAsync(s.scope, ct);
                    },
                    (step, scope),
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (Fallback is not null && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            if (_options.FallbackWhen is { } when && !when(ex))
            {
                throw;
            }

            await Fallback(scope.RunScope.TypedState, ex, cancellationToken).ConfigureAwait(false);
            var reason = _options.FallbackReason?.Invoke(ex) is { Length: > 0 } described ? described : ex.GetType().Name;
            scope.Fallback = new StepFallback(ex, reason, Math.Max(1, scope.Attempts));
            scope.Outcome = "fallback after " + reason;
            scope.Activity?.SetTag(TelemetryNames.StepFallback, reason);
        }
    }

    private ResiliencePipeline? PipelineFor(TimeProvider time)
    {
        if (_systemPipeline is null || ReferenceEquals(time, TimeProvider.System))
        {
            return _systemPipeline;
        }
        var others = _otherClocks;
        if (others is null)
        {
            Interlocked.CompareExchange(ref _otherClocks, new ConcurrentDictionary<TimeProvider, ResiliencePipeline>(), null);
            others = _otherClocks;
        }
        return others.GetOrAdd(time, static (t, self) => self.Create(t), this);
    }

    private ResiliencePipeline Create(TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (_options.RetryMaxAttempts > 1)
        {
            var retry = new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.RetryMaxAttempts - 1,
                Delay = _options.RetryDelay,
                UseJitter = _options.RetryJitter,
                BackoffType = _options.RetryExponential ? DelayBackoffType.Exponential : DelayBackoffType.Constant,
            };
            if (_options.RetryWhen is { } when)
            {
                retry.ShouldHandle = args => new ValueTask<bool>(
                    args.Outcome.Exception is { } e && e is not OperationCanceledException && when(e));
            }
            if (_options.RetryAfter is { } after)
            {
                retry.DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Exception is { } e ? after(e) : null);
            }
            builder.AddRetry(retry);
        }
        if (_options.CircuitBreaker is { } cb)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = cb.FailureRatio,
                MinimumThroughput = cb.MinimumThroughput,
                SamplingDuration = cb.SamplingDuration,
                BreakDuration = cb.BreakDuration,
            });
        }
        if (_options.Timeout is { } timeout)
        {
            builder.AddTimeout(new TimeoutStrategyOptions { Timeout = timeout });
        }
        if (_options.Custom is { } custom)
        {
            foreach (var configure in custom)
            {
                configure(builder);
            }
        }
        return builder.Build();
    }
}
