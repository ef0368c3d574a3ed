using System.ClientModel.Primitives;
using System.Net;
using System.Text.Json;
using HybridAI.Generators.Endpoints;

namespace HybridAI.Generators.Tests.Endpoints;

/// <summary>
/// An OpenAI-compatible server made of recorded wire-format responses: it answers each request the SDK sends with the
/// next recorded file (status, headers and body exactly as a server writes them) and keeps what was asked.
/// </summary>
internal sealed class RecordedEndpoint : HttpMessageHandler
{
    public static readonly Uri BaseUrl = new("http://recorded.test/v1");

    private readonly Queue<Func<HttpResponseMessage>> _replies = new();

    public List<SentRequest> Requests { get; } = [];

    public RecordedEndpoint Reply(string file, HttpStatusCode status = HttpStatusCode.OK, params (string Name, string Value)[] headers)
    {
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Endpoints", "Recorded", file));
        var mediaType = file.EndsWith(".sse", StringComparison.Ordinal) ? "text/event-stream"
            : file.EndsWith(".html", StringComparison.Ordinal) ? "text/html" : "application/json";
        _replies.Enqueue(() =>
        {
            var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(body) };
            response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            foreach (var (name, value) in headers)
            {
                response.Headers.TryAddWithoutValidation(name, value);
            }

            return response;
        });
        return this;
    }

    public OpenAIEndpoint Endpoint(string? apiKeyVariable = null, string model = "gpt-4o-mini") => new()
    {
        BaseUrl = BaseUrl,
        Model = model,
        ApiKeyVariable = apiKeyVariable,
        Transport = new HttpClientPipelineTransport(new HttpClient(this)),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new SentRequest(request.Method.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        if (_replies.Count == 0)
        {
            throw new InvalidOperationException($"No recorded reply is left for {request.Method} {request.RequestUri}.");
        }

        return _replies.Dequeue()();
    }

    internal sealed record SentRequest(string Method, Uri Uri, string? Authorization, string Body)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
