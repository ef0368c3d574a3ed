namespace HybridAI.Orchestrator;

/// <summary>
/// Why a step's fallback ran instead of its body: set on <see cref="StepContext.Fallback"/> after the step, so that
/// audit and telemetry middleware can record it.
/// </summary>
/// <example>
/// <code>
/// public async ValueTask InvokeAsync(StepContext context, StepDelegate next)
/// {
///     await next(context);
///     if (context.Fallback is { } fallback)
///     {
///         Console.WriteLine($"{context.StepName} fell back after {fallback.Attempts} attempt(s): {fallback.Reason}");
///     }
/// }
/// </code>
/// </example>
public sealed class StepFallback
{
    internal StepFallback(Exception error, string reason, int attempts)
    {
        Error = error;
        Reason = reason;
        Attempts = attempts;
    }

    /// <summary>The last failure (after retries). Its message may quote inputs: record <see cref="Reason"/> instead.</summary>
    public Exception Error { get; }

    /// <summary>Why, in a few words free of personal data and secrets (from <c>WithFallback(reason: …)</c>, else the exception's type name).</summary>
    public string Reason { get; }

    /// <summary>How many times the step body ran before it gave up (1 without retries).</summary>
    public int Attempts { get; }
}
