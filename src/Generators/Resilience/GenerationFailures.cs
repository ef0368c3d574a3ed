using System.Globalization;
using System.Net.Sockets;
using HybridAI.Generators.Endpoints;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HybridAI.Generators.Resilience;

/// <summary>
/// Sorts the failures of a chat client: which are worth a retry, which are configuration errors, and how to say why
/// in a few words for the audit log (no key, no prompt, no server error text: only the kind of failure, the status and
/// the endpoint's host).
/// </summary>
/// <example>
/// <code>
/// catch (Exception e) when (GenerationFailures.IsTransient(e))
/// {
///     logger.LogWarning("LLM unavailable: {Reason}", GenerationFailures.Describe(e)); // e.g. "HTTP 503 from localhost:11434"
/// }
/// </code>
/// </example>
public static class GenerationFailures
{
    /// <summary>
    /// Whether trying again may succeed: an endpoint that is unreachable, timed out (the endpoint's network timeout, HTTP
    /// 408, or the step's own timeout), rate limited (429), failed on its side (5xx) or cut a reply off; or any
    /// <see cref="HttpRequestException"/> without a status (connection failure) or with one of those statuses.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        OpenAIEndpointException e => e.IsTransient,
        TimeoutRejectedException or TimeoutException or SocketException => true,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => (int)status is 408 or 429 or >= 500,
        _ => false,
    };

    /// <summary>
    /// Whether the failure says the set-up is wrong rather than the moment bad: HTTP 401/403 (credentials refused) or 404
    /// (no such model or URL). Retrying cannot help, and falling back would hide it.
    /// </summary>
    public static bool IsConfigurationError(Exception exception) => exception switch
    {
        OpenAIEndpointException e => e.Failure == OpenAIEndpointFailure.Unauthorized || e.StatusCode == 404,
        HttpRequestException { StatusCode: { } status } => (int)status is 401 or 403 or 404,
        _ => false,
    };

    /// <summary>The wait the server asked for (<c>Retry-After</c> on a 429 or 503), when it said.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => (exception as OpenAIEndpointException)?.RetryAfter;

    /// <summary>
    /// Why, in a few words free of secrets and personal data: <c>endpoint timeout (localhost:8080)</c>, <c>HTTP 503 from
    /// localhost:8080</c>, <c>endpoint unreachable (localhost:9, ConnectionRefused)</c>, <c>step timeout after 2 s</c>…
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var ci = CultureInfo.InvariantCulture;
        return exception switch
        {
            OpenAIEndpointException e => DescribeEndpoint(e),
            TimeoutRejectedException t => string.Create(ci, $"step timeout after {Seconds(t.Timeout)} s"),
            BrokenCircuitException => "circuit open (the endpoint failed repeatedly)",
            HttpRequestException { StatusCode: { } status } => string.Create(ci, $"HTTP {(int)status}"),
            HttpRequestException h => $"endpoint unreachable ({Detail(h)})",
            TimeoutException => "timeout",
            _ => exception.GetType().Name,
        };
    }

    private static string DescribeEndpoint(OpenAIEndpointException e)
    {
        var ci = CultureInfo.InvariantCulture;
        // The authority only: a URL's user info or query string may hold a key.
        var host = e.Endpoint.IsAbsoluteUri ? e.Endpoint.Authority : "endpoint";
        var status = e.StatusCode;
        return e.Failure switch
        {
            OpenAIEndpointFailure.Timeout when status is { } s => string.Create(ci, $"HTTP {s} timeout from {host}"),
            OpenAIEndpointFailure.Timeout => $"endpoint timeout ({host})",
            OpenAIEndpointFailure.Unreachable => $"endpoint unreachable ({host}, {Detail(e.InnerException)})",
            OpenAIEndpointFailure.RateLimited when e.RetryAfter is { } wait => string.Create(ci, $"HTTP 429 rate limited by {host} (asked to wait {Seconds(wait)} s)"),
            OpenAIEndpointFailure.RateLimited => $"HTTP 429 rate limited by {host}",
            OpenAIEndpointFailure.ServerError => string.Create(ci, $"HTTP {status} from {host}"),
            OpenAIEndpointFailure.Unauthorized => string.Create(ci, $"HTTP {status} credentials refused by {host}"),
            OpenAIEndpointFailure.Rejected => string.Create(ci, $"HTTP {status} request rejected by {host}"),
            OpenAIEndpointFailure.MalformedResponse => $"malformed reply from {host}",
            _ => $"{e.Failure} ({host})",
        };
    }

    private static string Detail(Exception? e) => e switch
    {
        SocketException s => s.SocketErrorCode.ToString(),
        HttpRequestException { InnerException: SocketException s } => s.SocketErrorCode.ToString(),
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } h => h.HttpRequestError.ToString(),
        null => "no response",
        _ => e.GetType().Name,
    };

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
