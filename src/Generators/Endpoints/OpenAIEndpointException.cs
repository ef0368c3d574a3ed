namespace HybridAI.Generators.Endpoints;

/// <summary>
/// A call to an OpenAI-compatible endpoint failed. The message names the endpoint, the status and (for 401/403) the
/// environment variable that holds the key; it never contains the key, the prompt or the server's error text
/// (which can echo both). <see cref="RetryAfter"/> carries the delay a 429 asked for, so a retry can honour it.
/// </summary>
/// <example>
/// A Polly retry that waits as long as the server asked:
/// <code>
/// new RetryStrategyOptions
/// {
///     ShouldHandle = new PredicateBuilder().Handle&lt;OpenAIEndpointException&gt;(e =&gt; e.IsTransient),
///     DelayGenerator = args =&gt; ValueTask.FromResult((args.Outcome.Exception as OpenAIEndpointException)?.RetryAfter),
/// };
/// </code>
/// </example>
public sealed class OpenAIEndpointException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> must hold nothing secret or personal.</summary>
    public OpenAIEndpointException(
        string message, OpenAIEndpointFailure failure, Uri endpoint, int? statusCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        Endpoint = endpoint;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    /// <summary>What went wrong.</summary>
    public OpenAIEndpointFailure Failure { get; }

    /// <summary>The base URL that was called.</summary>
    public Uri Endpoint { get; }

    /// <summary>The HTTP status, when a response came back.</summary>
    public int? StatusCode { get; }

    /// <summary>How long the server asked the caller to wait before trying again (Retry-After / retry-after-ms), when it said.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>Whether trying again later may succeed: unreachable, timeout, rate limited, server error, a stream cut off.</summary>
    public bool IsTransient => Failure is OpenAIEndpointFailure.Unreachable or OpenAIEndpointFailure.Timeout
        or OpenAIEndpointFailure.RateLimited or OpenAIEndpointFailure.ServerError or OpenAIEndpointFailure.MalformedResponse;
}
