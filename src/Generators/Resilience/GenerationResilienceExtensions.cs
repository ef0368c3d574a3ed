using HybridAI.Orchestrator;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Resilience;

/// <summary>Adds <see cref="GenerationResilience"/> to a workflow's generate step.</summary>
public static class GenerationResilienceExtensions
{
    /// <summary>
    /// A generate step (see <see cref="WorkflowBuilder{TState}.Generate"/>) with a timeout per attempt, retries of
    /// transient failures and, when <see cref="GenerationResilience.Fallback"/> is set, a fallback that asks that client
    /// with the same prompt and applies its answer the same way. <paramref name="options"/> go to <paramref name="client"/>
    /// only: model id, sampling and token budget belong to the LLM, not to its stand-in.
    /// </summary>
    /// <example>
    /// <code>
    /// .Generate("draft-reply", llm, Prompt, Apply, new GenerationResilience { Fallback = new GroundedChatClient() })
    /// </code>
    /// </example>
    public static WorkflowBuilder<TState> Generate<TState>(this WorkflowBuilder<TState> builder, string name, IChatClient client,
        Func<TState, IList<ChatMessage>> prompt, Action<TState, ChatResponse> apply, GenerationResilience resilience,
        ChatOptions? options = null, Action<StepOptions<TState>>? configure = null)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(resilience);
        return builder.Generate(name, client, prompt, apply, options, step =>
        {
            step.WithGenerationResilience(resilience, prompt, apply);
            configure?.Invoke(step);
        });
    }

    /// <summary>
    /// Applies <paramref name="resilience"/> to a generate step's options; the fallback client (if any) gets
    /// <paramref name="prompt"/>'s messages (without the step's chat options) and its response goes through <paramref name="apply"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of range (at <c>Build()</c>, as a <see cref="WorkflowValidationException"/>).</exception>
    public static StepOptions<TState> WithGenerationResilience<TState>(this StepOptions<TState> step, GenerationResilience resilience,
        Func<TState, IList<ChatMessage>> prompt, Action<TState, ChatResponse> apply)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(resilience);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(apply);
        if (resilience.Problem() is { } problem)
        {
            throw new ArgumentException("GenerationResilience: " + problem, nameof(resilience));
        }

        if (resilience.Timeout is { } timeout)
        {
            step.WithTimeout(timeout);
        }

        if (resilience.MaxAttempts > 1)
        {
            var longest = resilience.MaxRetryAfter;
            step.WithRetry(resilience.MaxAttempts, resilience.RetryDelay,
                e => GenerationFailures.IsTransient(e) && !(GenerationFailures.RetryAfter(e) > longest),
                GenerationFailures.RetryAfter, exponential: true);
        }

        if (resilience.Fallback is { } fallback)
        {
            var always = resilience.FallbackOnConfigurationError;
            step.WithFallback(
                async (state, _, ct) => apply(state, await fallback.GetResponseAsync(prompt(state), cancellationToken: ct).ConfigureAwait(false)),
                when: e => always || !GenerationFailures.IsConfigurationError(e),
                reason: GenerationFailures.Describe);
        }

        return step;
    }
}
