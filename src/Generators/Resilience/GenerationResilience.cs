using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Resilience;

/// <summary>
/// How a generate step copes with an LLM that is slow, down or overloaded: a timeout per attempt, retries of transient
/// failures (HTTP 5xx, 408, 429 honouring <c>Retry-After</c>, connection refused, timeouts), then an optional fallback
/// to another chat client, typically the no-model <see cref="Chat.GroundedChatClient"/>, which reads the same
/// <see cref="Chat.EvidencePrompt"/>. The audit log records each fallback and why (see <see cref="GenerationFailures.Describe"/>).
/// </summary>
/// <remarks>
/// A configuration error (HTTP 401/403: the key was refused; HTTP 404: no such model or URL) is neither retried nor,
/// by default, fallen back from: every item would silently get the fallback's answer while the LLM is never used, so
/// the step fails with the endpoint's message (which names the key's variable, never the key). Set
/// <see cref="FallbackOnConfigurationError"/> to fall back from those too. Under a streamed run, text the LLM streamed
/// before it failed has already reached the caller; the state holds the fallback's reply.
/// </remarks>
/// <example>
/// <code>
/// var llm = new OpenAIEndpoint { BaseUrl = new Uri("http://localhost:11434/v1"), Model = "qwen2.5:1.5b" }.CreateChatClient();
/// var workflow = Workflow.Create&lt;Ticket&gt;("triage", "1.0")
///     .Generate("draft-reply", llm, t =&gt; [.. EvidencePrompt.Build(t.Text, t.Evidence)], (t, r) =&gt; t.Reply = r.Text,
///         new GenerationResilience { Timeout = TimeSpan.FromSeconds(20), MaxAttempts = 3, Fallback = new GroundedChatClient() })
///     .Build();
/// </code>
/// </example>
public sealed record GenerationResilience
{
    /// <summary>How long one attempt may take before it is cancelled (and counts as a transient failure). Default 30 s; null: no limit.</summary>
    public TimeSpan? Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in all, the first included; 1 turns retries off. Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The wait before the first retry, doubled (with jitter) before each further one. Default 500 ms.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured. A server asking for longer is not retried: the step falls back (or fails)
    /// at once rather than hold the item. Default 30 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Answers instead when the LLM finally fails; null: the step fails.</summary>
    public IChatClient? Fallback { get; init; }

    /// <summary>Also fall back on HTTP 401/403/404 (a refused key, an unknown model). Default false: those fail the step.</summary>
    public bool FallbackOnConfigurationError { get; init; }

    /// <summary>The first thing wrong with these settings, or null.</summary>
    internal string? Problem() =>
        Timeout is { } t && t <= TimeSpan.Zero ? $"Timeout must be positive (got {t})."
        : MaxAttempts < 1 ? $"MaxAttempts must be at least 1 (got {MaxAttempts})."
        : RetryDelay < TimeSpan.Zero ? $"RetryDelay must not be negative (got {RetryDelay})."
        : MaxRetryAfter < TimeSpan.Zero ? $"MaxRetryAfter must not be negative (got {MaxRetryAfter})."
        : null;
}
