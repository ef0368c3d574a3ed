using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using HybridAI.Tests.Gguf;
using Microsoft.AspNetCore.Builder;

namespace HybridAI.Hosting.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 (a free port), and an <see cref="HttpClient"/> aimed at it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    /// <summary>The OpenAI base URL clients are given.</summary>
    public Uri V1 => new(Address, "/v1");

    public HttpClient Http { get; }

    public static async Task<RunningServer> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return new RunningServer(app, new Uri(app.Urls.First()));
    }

    public static Task<RunningServer> StartAsync(HybridAIServerOptions options) =>
        StartAsync(HybridAIServer.Build(options with { Urls = ["http://127.0.0.1:0"] }));

    /// <summary>The tiny GGUF served as <c>tiny-llama</c> with the default hashed embeddings.</summary>
    public static Task<RunningServer> StartTinyAsync() => StartAsync(new HybridAIServerOptions
    {
        ModelPath = TinyLlamaModel.SharedPath,
        ModelId = "tiny-llama",
        ContextSize = 512,
        Threads = 1,
        MaxConcurrentRequests = 2,
    });

    public async Task<(int Status, JsonElement Body)> PostJsonAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One tiny-model server shared by a test class, started on first use (so missing natives skip, not fail, the class).</summary>
public sealed class TinyServerFixture : IAsyncLifetime
{
    private readonly Lazy<Task<RunningServer>> _server = new(RunningServer.StartTinyAsync);

    public Task<RunningServer> GetAsync() => _server.Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_server.IsValueCreated)
        {
            await (await _server.Value).DisposeAsync();
        }
    }
}

/// <summary>A server without a chat model (embeddings only): request validation needs no natives.</summary>
public sealed class NoModelServerFixture : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(new HybridAIServerOptions());

    public Task DisposeAsync() => Server.DisposeAsync().AsTask();
}
