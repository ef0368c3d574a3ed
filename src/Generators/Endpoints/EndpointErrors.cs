using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;

namespace HybridAI.Generators.Endpoints;

/// <summary>
/// Turns what the SDK throws into <see cref="OpenAIEndpointException"/>. The SDK's own exception is not kept as the
/// inner exception when a response came back: its message quotes the response body, and a 401 body quotes part of the key.
/// </summary>
internal sealed class EndpointErrors(Uri endpoint, string? apiKeyVariable)
{
    private static readonly string[] ErrorFieldNames = ["type", "code", "param"];

    public Uri Endpoint { get; } = endpoint;

    public async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The exception to throw instead of <paramref name="e"/>; null to let it pass (the caller cancelled, or a bug of ours).</summary>
    public OpenAIEndpointException? Translate(Exception e, CancellationToken cancellationToken) => e switch
    {
        OpenAIEndpointException => null,
        OperationCanceledException when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException or TimeoutException => new(
            $"The endpoint {Endpoint} did not answer within the network timeout.", OpenAIEndpointFailure.Timeout, Endpoint, innerException: e),
        ClientResultException { Status: 0 } c => new(
            $"The endpoint {Endpoint} could not be reached ({Describe(c.InnerException)}).", OpenAIEndpointFailure.Unreachable, Endpoint, innerException: c.InnerException),
        ClientResultException c => FromStatus(c),
        HttpRequestException h => new(
            $"The endpoint {Endpoint} could not be reached ({Describe(h)}).", OpenAIEndpointFailure.Unreachable, Endpoint, innerException: h),
        JsonException or FormatException => Malformed("the body is not valid JSON of the expected shape"),
        IOException io => new(
            $"The connection to {Endpoint} broke while the reply was being read.", OpenAIEndpointFailure.MalformedResponse, Endpoint, innerException: io),
        _ => null,
    };

    public OpenAIEndpointException Malformed(string what) =>
        new($"The endpoint {Endpoint} sent a malformed reply: {what}.", OpenAIEndpointFailure.MalformedResponse, Endpoint);

    private OpenAIEndpointException FromStatus(ClientResultException c)
    {
        var response = c.GetRawResponse();
        var status = c.Status;
        var detail = ErrorFields(response);
        switch (status)
        {
            case 401 or 403:
                var where = apiKeyVariable is null
                    ? "no API key is configured (set OpenAIEndpoint.ApiKeyVariable to the name of the environment variable that holds it)"
                    : $"check the API key in the environment variable {apiKeyVariable}";
                return new($"The endpoint {Endpoint} refused the credentials (HTTP {status}){detail}: {where}.",
                    OpenAIEndpointFailure.Unauthorized, Endpoint, status);
            case 429:
                var delay = response is null ? null : RetryAfter(Header(response), DateTimeOffset.UtcNow);
                var wait = delay is { } d ? $"; it asked to wait {d.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s" : "";
                return new($"The endpoint {Endpoint} is rate limiting requests (HTTP 429){detail}{wait}.",
                    OpenAIEndpointFailure.RateLimited, Endpoint, status, delay);
            case 408:
                // The server gave up waiting for the request: a timeout, worth another try like any other.
                return new($"The endpoint {Endpoint} timed out waiting for the request (HTTP 408){detail}.", OpenAIEndpointFailure.Timeout, Endpoint, status);
            case >= 500:
                return new($"The endpoint {Endpoint} failed (HTTP {status}){detail}.", OpenAIEndpointFailure.ServerError, Endpoint, status,
                    response is null ? null : RetryAfter(Header(response), DateTimeOffset.UtcNow));
            default:
                return new($"The endpoint {Endpoint} rejected the request (HTTP {status}){detail}.", OpenAIEndpointFailure.Rejected, Endpoint, status);
        }
    }

    /// <summary>The delay from <c>retry-after-ms</c>, or <c>Retry-After</c> in seconds or as an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(Func<string, string?> header, DateTimeOffset now)
    {
        if (header("retry-after-ms") is { } ms
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        var value = header("Retry-After");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at > now ? at - now : TimeSpan.Zero
            : null;
    }

    private static Func<string, string?> Header(PipelineResponse response) =>
        name => response.Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The error's machine-readable fields (type, code, param): never its message, which can echo the key or the prompt.</summary>
    private static string ErrorFields(PipelineResponse? response)
    {
        try
        {
            if (response?.Content is not { } content || content.ToMemory().Length == 0)
            {
                return "";
            }

            using var doc = JsonDocument.Parse(content.ToMemory());
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return "";
            }

            var fields = ErrorFieldNames
                .Select(name => error.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && IsIdentifier(v.GetString()!)
                    ? $"{name} {v.GetString()}" : null)
                .OfType<string>()
                .ToList();
            return fields.Count == 0 ? "" : $" [{string.Join(", ", fields)}]";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static bool IsIdentifier(string s) =>
        s.Length is > 0 and <= 64 && s.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '_' or '-' or '.' or '[' or ']');

    private static string Describe(Exception? e) => e switch
    {
        HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } h => h.HttpRequestError.ToString(),
        HttpRequestException { InnerException: System.Net.Sockets.SocketException s } => s.SocketErrorCode.ToString(),
        null => "no response",
        _ => e.GetType().Name,
    };
}
