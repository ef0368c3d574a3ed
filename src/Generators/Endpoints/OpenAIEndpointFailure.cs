namespace HybridAI.Generators.Endpoints;

/// <summary>Why a call to an OpenAI-compatible endpoint failed.</summary>
public enum OpenAIEndpointFailure
{
    /// <summary>No connection could be made (refused, DNS failure, TLS failure).</summary>
    Unreachable,

    /// <summary>The request took longer than the configured network timeout, or the server timed out waiting for it (HTTP 408).</summary>
    Timeout,

    /// <summary>The endpoint refused the credentials (HTTP 401 or 403).</summary>
    Unauthorized,

    /// <summary>The endpoint asked the caller to slow down (HTTP 429); see <see cref="OpenAIEndpointException.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>The endpoint rejected the request (another 4xx status: bad parameter, unknown model, context too long).</summary>
    Rejected,

    /// <summary>The endpoint failed on its side (HTTP 5xx).</summary>
    ServerError,

    /// <summary>The reply was not valid wire format: a malformed body, or a stream cut off or garbled mid-way.</summary>
    MalformedResponse,
}
