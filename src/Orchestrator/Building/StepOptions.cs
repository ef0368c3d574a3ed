using HybridAI.Orchestrator.Batching;
using Polly;

namespace HybridAI.Orchestrator;

/// <summary>
/// Resilience of one step. Built once at <c>Build()</c> into a Polly pipeline (retry outermost, then circuit
/// breaker, then per-attempt timeout, then anything added with <see cref="WithResilience"/>); the fallback runs
/// when the whole pipeline finally fails. A step with none of these runs without Polly.
/// </summary>
/// <example>
/// <code>
/// .Generate("draft", llm, Prompt, Apply, configure: o =&gt; o
///     .WithTimeout(TimeSpan.FromSeconds(20))
///     .WithRetry(3, TimeSpan.FromMilliseconds(200))
///     .WithFallback((t, ex, ct) =&gt; { t.Reply = Templates.For(t.Category); return default; }))
/// </code>
/// </example>
/// <typeparam name="TState">The workflow's state type.</typeparam>
public sealed class StepOptions<TState>
{
    internal TimeSpan? Timeout { get; private set; }
    internal int RetryMaxAttempts { get; private set; }
    internal TimeSpan RetryDelay { get; private set; }
    internal bool RetryJitter { get; private set; }
    internal bool RetryExponential { get; private set; }
    internal Func<Exception, bool>? RetryWhen { get; private set; }
    internal Func<Exception, TimeSpan?>? RetryAfter { get; private set; }
    internal CircuitBreakerSettings? CircuitBreaker { get; private set; }
    internal Func<TState, Exception, CancellationToken, ValueTask>? Fallback { get; private set; }
    internal Func<Exception, bool>? FallbackWhen { get; private set; }
    internal Func<Exception, string>? FallbackReason { get; private set; }
    internal List<Action<ResiliencePipelineBuilder>>? Custom { get; private set; }
    internal BatchingSettings? Batching { get; private set; }

    internal bool NeedsPipeline => Timeout is not null || RetryMaxAttempts > 1 || CircuitBreaker is not null || Custom is not null;

    /// <summary>Cancels an attempt that takes longer than <paramref name="timeout"/> (Polly's <c>TimeoutRejectedException</c>).</summary>
    public StepOptions<TState> WithTimeout(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Timeout = timeout;
        return this;
    }

    /// <summary>Runs the step up to <paramref name="maxAttempts"/> times in all, waiting <paramref name="delay"/> between attempts.</summary>
    public StepOptions<TState> WithRetry(int maxAttempts, TimeSpan delay, bool jitter = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        RetryMaxAttempts = maxAttempts;
        RetryDelay = delay;
        RetryJitter = jitter;
        RetryExponential = false;
        RetryWhen = null;
        RetryAfter = null;
        return this;
    }

    /// <summary>
    /// Runs the step up to <paramref name="maxAttempts"/> times in all, but retries only the failures
    /// <paramref name="shouldRetry"/> accepts (a transient HTTP error, say; a wrong API key is not worth a second try).
    /// </summary>
    /// <param name="maxAttempts">Attempts in all, the first included.</param>
    /// <param name="delay">The wait before the first retry; doubled before each further one when <paramref name="exponential"/>.</param>
    /// <param name="shouldRetry">Whether a failure is worth another attempt. Cancellation by the caller is never retried.</param>
    /// <param name="retryAfter">
    /// Optional: the wait a failure asks for (e.g. an HTTP 429's <c>Retry-After</c>); null from it, or no function, uses <paramref name="delay"/>.
    /// </param>
    /// <param name="exponential">Doubles the delay at each retry.</param>
    /// <param name="jitter">Randomises the delay a little, so that many items retrying at once do not hit the service together.</param>
    /// <example>
    /// <code>
    /// .Generate("draft", llm, Prompt, Apply, configure: o =&gt; o
    ///     .WithRetry(3, TimeSpan.FromMilliseconds(200), ex =&gt; ex is HttpRequestException, exponential: true))
    /// </code>
    /// </example>
    public StepOptions<TState> WithRetry(int maxAttempts, TimeSpan delay, Func<Exception, bool> shouldRetry,
        Func<Exception, TimeSpan?>? retryAfter = null, bool exponential = false, bool jitter = true)
    {
        ArgumentNullException.ThrowIfNull(shouldRetry);
        WithRetry(maxAttempts, delay, jitter);
        RetryWhen = shouldRetry;
        RetryAfter = retryAfter;
        RetryExponential = exponential;
        return this;
    }

    /// <summary>
    /// Stops calling the step for <paramref name="breakDuration"/> once at least <paramref name="minimumThroughput"/> calls
    /// in <paramref name="samplingDuration"/> failed at <paramref name="failureRatio"/> or more. State is per step per workflow.
    /// </summary>
    public StepOptions<TState> WithCircuitBreaker(double failureRatio, int minimumThroughput, TimeSpan samplingDuration, TimeSpan breakDuration)
    {
        CircuitBreaker = new CircuitBreakerSettings(failureRatio, minimumThroughput, samplingDuration, breakDuration);
        return this;
    }

    /// <summary>Runs <paramref name="fallback"/> instead when the step finally fails (after retries, on timeout or open circuit).</summary>
    /// <param name="fallback">Writes a replacement result into the state.</param>
    /// <param name="when">
    /// Optional: which failures fall back; the others fail the step as if there were no fallback (e.g. a rejected API
    /// key should stop the run, not be papered over). Null: every failure except the caller's cancellation.
    /// </param>
    /// <param name="reason">
    /// Optional: why the step fell back, in a few words free of personal data and secrets (e.g. <c>HTTP 503 from
    /// api.example.com</c>); the step's outcome becomes <c>fallback after {reason}</c>, and audit and telemetry record it
    /// (see <see cref="StepContext.Fallback"/>). Null: the exception's type name.
    /// </param>
    public StepOptions<TState> WithFallback(Func<TState, Exception, CancellationToken, ValueTask> fallback,
        Func<Exception, bool>? when = null, Func<Exception, string>? reason = null)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        Fallback = fallback;
        FallbackWhen = when;
        FallbackReason = reason;
        return this;
    }

    /// <summary>Adds any other Polly strategy (rate limiter, hedging…) inside the built-in ones.</summary>
    public StepOptions<TState> WithResilience(Action<ResiliencePipelineBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        (Custom ??= []).Add(configure);
        return this;
    }

    /// <summary>
    /// Lets a classify or score step whose model implements <c>IBatchClassifier</c> / <c>IBatchScorer</c> coalesce the
    /// concurrent items of a <see cref="WorkflowRunner.RunBatchAsync{TState}"/> into one model call of at most
    /// <paramref name="maxBatchSize"/> inputs. A micro-batch goes as soon as it is full, or no other item of the batch
    /// can still reach the step (none is before it, and no running item will free a slot for a further input; items
    /// waiting in a micro-batch are never waited for), or <paramref name="maxWait"/> (default 2 ms, on the runner's
    /// clock) has passed since its first item arrived. So a batch with parallelism 1 never waits, and online,
    /// streaming and resumed runs call the model directly.
    /// Off by default: it trades a bounded wait per item for throughput, which only pays for models with a per-call
    /// overhead (ONNX Runtime, GPUs, remote endpoints).
    /// </summary>
    /// <remarks>
    /// Results equal unbatched ones. When a batched call throws, its inputs are retried one by one, so a bad input
    /// fails only its own item. Resilience wraps each item: a retry re-joins the batcher, a timeout or cancellation
    /// takes the item out of its micro-batch.
    /// </remarks>
    /// <example>
    /// <code>
    /// .Classify("churn", onnxClassifier, c =&gt; c.Features, (c, r) =&gt; c.Churn = r.Label,
    ///     configure: s =&gt; s.WithBatching(maxBatchSize: 32, maxWait: TimeSpan.FromMilliseconds(2)))
    /// </code>
    /// </example>
    public StepOptions<TState> WithBatching(int maxBatchSize = 32, TimeSpan? maxWait = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        var wait = maxWait ?? BatchingSettings.DefaultMaxWait;
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(maxWait));
        Batching = new BatchingSettings(maxBatchSize, wait);
        return this;
    }

    internal sealed record CircuitBreakerSettings(double FailureRatio, int MinimumThroughput, TimeSpan SamplingDuration, TimeSpan BreakDuration);
}
