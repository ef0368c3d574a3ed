using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridAI.Retrieval.Tests.Qdrant;

/// <summary>A request as the fake server received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string? Body);

/// <summary>
/// A Qdrant stand-in for tests: a real HTTP server (Kestrel on 127.0.0.1, port 0) speaking Qdrant's REST protocol for
/// the endpoints QdrantDocumentIndex uses, answering in Qdrant's envelope (<c>{"result", "status": "ok", "time"}</c>,
/// errors <c>{"status": {"error"}}</c>). Every request is first checked against Qdrant's published OpenAPI document:
/// one that does not conform is recorded in <see cref="Violations"/> and answered 400, as Qdrant would refuse it.
/// Every 200 answer is checked against the spec's response schema too. All writes apply at once, so <c>wait=true</c>
/// holds (and <c>wait=false</c> answers "acknowledged").
/// </summary>
internal sealed class FakeQdrantServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeQdrantCollection> _collections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(Predicate<RecordedRequest> When, int Status, string Error)> _failures = new();
    private readonly string? _apiKey;

    private FakeQdrantServer(WebApplication app, string? apiKey)
    {
        _app = app;
        _apiKey = apiKey;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Requests or answers that did not match the OpenAPI document.</summary>
    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>Starts a server; with <paramref name="apiKey"/> every request must carry it in the <c>api-key</c> header.</summary>
    public static async Task<FakeQdrantServer> StartAsync(string? apiKey = null)
    {
        _ = QdrantOpenApi.Shared; // load the spec before the first request, outside any request timeout
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new FakeQdrantServer(app, apiKey);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    /// <summary>The next request is answered with this status and Qdrant error text (and not applied).</summary>
    public void FailNext(int status, string error) => FailWhen(static _ => true, status, error);

    /// <summary>The first request from now on that <paramref name="when"/> picks is answered with this status and error.</summary>
    public void FailWhen(Predicate<RecordedRequest> when, int status, string error) => _failures.Enqueue((when, status, error));

    public bool HasCollection(string name)
    {
        lock (_lock)
        {
            return _collections.ContainsKey(name);
        }
    }

    public int PointCount(string name)
    {
        lock (_lock)
        {
            return _collections[name].Count;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        string method = context.Request.Method;
        string path = context.Request.Path.Value ?? "/";
        string? body = null;
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
        }

        var recorded = new RecordedRequest(method, path, context.Request.QueryString.Value ?? "", body);
        Requests.Enqueue(recorded);
        if (_failures.TryPeek(out var failure) && failure.When(recorded) && _failures.TryDequeue(out _))
        {
            await WriteAsync(context, failure.Status, Error(failure.Error, clock));
            return;
        }

        if (_apiKey is not null && context.Request.Headers["api-key"] != _apiKey)
        {
            await WriteAsync(context, 401, Error("Unauthorized: invalid or missing api key", clock));
            return;
        }

        IReadOnlyList<string> problems = QdrantOpenApi.Shared.ValidateRequest(method, path, context.Request.Query.Keys, body);
        if (problems.Count > 0)
        {
            foreach (string problem in problems)
            {
                Violations.Enqueue(problem);
            }

            await WriteAsync(context, 400, Error("Request does not match Qdrant's OpenAPI document: " + string.Join("; ", problems), clock));
            return;
        }

        JsonNode? result;
        try
        {
            JsonObject request = body is null ? [] : JsonNode.Parse(body)!.AsObject();
            lock (_lock)
            {
                result = Dispatch(method, path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray(), request);
            }
        }
        catch (FakeQdrantException e)
        {
            await WriteAsync(context, e.Status, Error(e.Message, clock));
            return;
        }

        if (result is JsonObject update && (string?)update["status"] == "completed" && context.Request.Query["wait"] != "true")
        {
            update["status"] = "acknowledged";
        }

        var envelope = new JsonObject { ["result"] = result, ["status"] = "ok", ["time"] = clock.Elapsed.TotalSeconds };
        string answer = envelope.ToJsonString();
        foreach (string problem in QdrantOpenApi.Shared.ValidateResponse(method, path, answer))
        {
            Violations.Enqueue(problem);
        }

        await WriteAsync(context, 200, answer);
    }

    private JsonNode? Dispatch(string method, string[] s, JsonObject request)
    {
        if (s is not ["collections", string name, ..])
        {
            throw new FakeQdrantException($"Not found: {method} /{string.Join('/', s)}", 404);
        }

        if (s.Length == 2 && method == "PUT")
        {
            if (_collections.ContainsKey(name))
            {
                throw new FakeQdrantException($"Wrong input: Collection `{name}` already exists!", 409);
            }

            _collections[name] = new FakeQdrantCollection(request);
            return true;
        }

        if (s.Length == 2 && method == "DELETE")
        {
            return _collections.Remove(name);
        }

        if (!_collections.TryGetValue(name, out FakeQdrantCollection? collection))
        {
            throw new FakeQdrantException($"Not found: Collection `{name}` doesn't exist!", 404);
        }

        return (method, string.Join('/', s.Skip(2))) switch
        {
            ("GET", "") => collection.Info(),
            ("PUT", "index") => Completed(collection, request),
            ("PUT", "points") => collection.Upsert(request),
            ("POST", "points/payload") => collection.SetPayload(request),
            ("POST", "points/delete") => collection.Delete(request),
            ("POST", "points/count") => collection.CountPoints(request),
            ("POST", "points/scroll") => collection.Scroll(request),
            ("POST", "points/query") => collection.Query(request),
            _ => throw new FakeQdrantException($"The fake Qdrant server does not implement {method} /{string.Join('/', s)}", 404),
        };
    }

    private static JsonObject Completed(FakeQdrantCollection collection, JsonObject request)
    {
        collection.CreateIndex(request);
        return new JsonObject { ["operation_id"] = 0, ["status"] = "completed" };
    }

    private static string Error(string message, Stopwatch clock) =>
        new JsonObject { ["status"] = new JsonObject { ["error"] = message }, ["time"] = clock.Elapsed.TotalSeconds }.ToJsonString();

    private static async Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }
}
