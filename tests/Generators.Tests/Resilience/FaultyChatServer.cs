using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HybridAI.Generators.Tests.Resilience;

/// <summary>
/// A real HTTP server on loopback (Kestrel) speaking the OpenAI chat-completions wire format, whose next answers can
/// be scripted as faults: a status with an error body and headers, or a request left hanging. Once the script is used
/// up it answers every request with <see cref="Reply"/>.
/// </summary>
internal sealed class FaultyChatServer : IAsyncDisposable
{
    public const string Reply = "Your refund is on its way.";

    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();
    private readonly WebApplication _app;
    private int _requests;

    private FaultyChatServer(WebApplication app) => _app = app;

    /// <summary>The base URL, up to <c>/v1</c>.</summary>
    public Uri BaseUrl => new(new Uri(_app.Urls.First()), "/v1");

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The last request's body, as sent.</summary>
    public string? LastBody { get; private set; }

    public static async Task<FaultyChatServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FaultyChatServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>The next request gets <paramref name="status"/> with an OpenAI-style error body and <paramref name="headers"/>.</summary>
    public FaultyChatServer ThenFail(int status, params (string Name, string Value)[] headers)
    {
        _script.Enqueue(async context =>
        {
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$$"""{"error":{"message":"failure {{{status}}} for the prompt","type":"server_error","code":null}}""");
        });
        return this;
    }

    /// <summary>The next <paramref name="count"/> requests get <paramref name="status"/>.</summary>
    public FaultyChatServer ThenFail(int status, int count)
    {
        for (var i = 0; i < count; i++)
        {
            ThenFail(status);
        }

        return this;
    }

    /// <summary>The next request is read and never answered (until the client gives up).</summary>
    public FaultyChatServer ThenHang()
    {
        _script.Enqueue(async context => await Task.Delay(Timeout.Infinite, context.RequestAborted));
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        using (var reader = new StreamReader(context.Request.Body))
        {
            LastBody = await reader.ReadToEndAsync(context.RequestAborted);
        }

        if (_script.TryDequeue(out var fault))
        {
            try
            {
                await fault(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                // The client gave up on a hanging request.
            }

            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_760_000_000,
            model = "test-model",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Reply }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 40, completion_tokens = 7, total_tokens = 47 },
        }));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
