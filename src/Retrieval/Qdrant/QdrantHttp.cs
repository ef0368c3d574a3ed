using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace HybridAI.Retrieval.Qdrant;

/// <summary>
/// Sends one REST request to Qdrant and unwraps its envelope (<c>{"result": …, "status": "ok", "time": …}</c>).
/// Every failure becomes a <see cref="QdrantException"/> naming the operation and address; request bodies (which
/// hold document text) never go into messages.
/// </summary>
internal sealed partial class QdrantHttp : IDisposable
{
    /// <summary>Qdrant's error texts are short; anything longer is cut so a message cannot grow without bound.</summary>
    private const int MaxErrorText = 400;

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly Uri _base;
    private readonly string? _apiKey;
    private readonly TimeSpan _timeout;

    public QdrantHttp(QdrantIndexOptions options)
    {
        _ownsClient = options.HttpClient is null;
        _client = options.HttpClient ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        string address = options.BaseAddress!.AbsoluteUri;
        _base = new Uri(address.EndsWith('/') ? address : address + "/");
        _apiKey = options.ApiKey;
        _timeout = options.Timeout;
    }

    public Uri BaseAddress => _base;

    /// <summary>
    /// Sends the request and returns the envelope's <c>result</c> (cloned, so it outlives the response).
    /// <paramref name="relativePath"/> is the path and query below the base address, without a leading slash;
    /// <paramref name="operation"/> says what the index is doing, in words, for error messages.
    /// </summary>
    public async Task<JsonElement> SendAsync(HttpMethod method, string relativePath, JsonNode? body, string operation, CancellationToken cancellationToken)
    {
        var uri = new Uri(_base, relativePath);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                body.WriteTo(writer);
            }

            request.Content = new ReadOnlyMemoryContent(buffer.WrittenMemory) { Headers = { ContentType = Json } };
        }

        if (_apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("api-key", _apiKey);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        HttpResponseMessage response;
        byte[] content;
        try
        {
            response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            content = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new QdrantException($"Qdrant at {_base} did not answer {operation} ({method} {uri.AbsolutePath}) within {_timeout.TotalSeconds:0.###} s.", operation, uri, null, e);
        }
        catch (HttpRequestException e)
        {
            throw new QdrantException($"Qdrant at {_base} could not be reached for {operation} ({method} {uri.AbsolutePath}): {e.Message}", operation, uri, null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new QdrantException(
                    $"Qdrant at {_base} answered {(int)response.StatusCode} {response.ReasonPhrase} to {operation} ({method} {uri.AbsolutePath}): {ErrorText(content)}",
                    operation, uri, response.StatusCode);
            }

            try
            {
                using JsonDocument document = JsonDocument.Parse(content);
                return document.RootElement.TryGetProperty("result", out JsonElement result) ? result.Clone() : default;
            }
            catch (JsonException e)
            {
                throw new QdrantException($"Qdrant at {_base} answered {operation} ({method} {uri.AbsolutePath}) with a body that is not JSON.", operation, uri, response.StatusCode, e);
            }
        }
    }

    /// <summary>Qdrant's <c>status.error</c>, or a note that the body held none.</summary>
    private static string ErrorText(byte[] content)
    {
        string? error = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(content);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("status", out JsonElement status)
                && status.ValueKind == JsonValueKind.Object
                && status.TryGetProperty("error", out JsonElement text)
                && text.ValueKind == JsonValueKind.String)
            {
                error = text.GetString();
            }
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, for instance: not quoted, it could be anything.
        }

        if (string.IsNullOrEmpty(error))
        {
            return content.Length == 0 ? "(empty body)" : "(no status.error in the answer)";
        }

        // Qdrant quotes names with backticks, but a JSON type error quotes the offending value ("invalid type: string
        // \"…\"") and that value may be a piece of a document: double-quoted spans are left out.
        error = QuotedValue().Replace(error, "\"…\"");
        return error.Length <= MaxErrorText ? error : string.Concat(error.AsSpan(0, MaxErrorText), "…");
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedValue();

    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }
    }
}
