using System.Net;
using System.Text;
using System.Text.Json;
using HybridAI.Generators.Endpoints;

namespace HybridAI.Governance.Tests.Anonymization;

/// <summary>
/// An OpenAI-compatible server that answers with scripted text in the real wire format: one chat.completion JSON, or
/// a text/event-stream of chat.completion.chunk events (one per given chunk, then the finish reason, usage and [DONE]).
/// It keeps the request bodies, i.e. what the model was shown.
/// </summary>
internal sealed class ScriptedOpenAIServer : HttpMessageHandler
{
    private readonly Queue<IReadOnlyList<string>> _answers = new();

    public List<JsonElement> Requests { get; } = [];

    /// <summary>The user and system contents of every request, in order.</summary>
    public IEnumerable<string> PromptTexts => Requests.SelectMany(r => r.GetProperty("messages").EnumerateArray())
        .Select(m => m.GetProperty("content")).Select(c => c.ValueKind == JsonValueKind.String ? c.GetString()! : c.GetRawText());

    public ScriptedOpenAIServer Answer(params string[] chunks)
    {
        _answers.Enqueue(chunks);
        return this;
    }

    public OpenAIEndpoint Endpoint() => new()
    {
        BaseUrl = new Uri("http://scripted.test/v1"),
        Model = "gpt-4o-mini",
        Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(new HttpClient(this)),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        Requests.Add(body);
        var chunks = _answers.Dequeue();
        var stream = body.TryGetProperty("stream", out var s) && s.GetBoolean();
        var content = stream ? Sse(chunks) : Json(string.Concat(chunks));
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(content, Encoding.UTF8) };
        response.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(stream ? "text/event-stream" : "application/json");
        return response;
    }

    private static string Json(string text) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-Scripted0001",
        @object = "chat.completion",
        created = 1741571000,
        model = "gpt-4o-mini-2024-07-18",
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text, refusal = (string?)null }, logprobs = (object?)null, finish_reason = "stop" } },
        usage = new { prompt_tokens = 20, completion_tokens = 10, total_tokens = 30 },
    });

    private static string Sse(IReadOnlyList<string> chunks)
    {
        var sse = new StringBuilder();
        void Event(object delta, string? finish) => sse.Append("data: ").Append(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-Scripted0001",
            @object = "chat.completion.chunk",
            created = 1741571000,
            model = "gpt-4o-mini-2024-07-18",
            choices = new[] { new { index = 0, delta, logprobs = (object?)null, finish_reason = finish } },
        })).Append("\n\n");
        Event(new { role = "assistant", content = "" }, null);
        foreach (var chunk in chunks)
            Event(new { content = chunk }, null);
        Event(new { }, "stop");
        sse.Append("data: {\"id\":\"chatcmpl-Scripted0001\",\"object\":\"chat.completion.chunk\",\"created\":1741571000,\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":10,\"total_tokens\":30}}\n\n");
        sse.Append("data: [DONE]\n\n");
        return sse.ToString();
    }
}
