using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using HybridAI.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridAI.Hosting.Tests.OpenAICompatible;

public sealed class ServerErrorTests
{
    private const string Detail = "connection string Password=hunter2";

    /// <summary>A chat client whose model fails: stands for any bug or outage behind the endpoint.</summary>
    private sealed class FailingChatClient(bool afterFirstToken) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException(Detail);

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            if (afterFirstToken)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, "Hel");
            }

            throw new InvalidOperationException(Detail);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("failing", null, "failing") : null;

        public void Dispose()
        {
        }
    }

    private static async Task<RunningServer> StartAsync(bool afterFirstToken)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<IChatClient>(new FailingChatClient(afterFirstToken));
        var app = builder.Build();
        app.MapOpenAICompatible();
        return await RunningServer.StartAsync(app);
    }

    [Fact]
    public async Task A_failing_model_is_a_500_server_error_that_reveals_neither_the_cause_nor_a_stack()
    {
        await using var server = await StartAsync(afterFirstToken: false);
        foreach (var stream in new[] { "false", "true" })
        {
            var (status, body) = await server.PostJsonAsync("/v1/chat/completions", $$"""{"model":"failing","messages":[{"role":"user","content":"hi"}],"stream":{{stream}}}""");
            Assert.Equal(500, status);
            Assert.Equal("server_error", body.GetProperty("error").GetProperty("type").GetString());
            Assert.DoesNotContain("hunter2", body.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(" at ", body.GetRawText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_stream_that_fails_midway_ends_with_an_error_event_and_no_done()
    {
        await using var server = await StartAsync(afterFirstToken: true);
        using var content = new StringContent("""{"model":"failing","messages":[{"role":"user","content":"hi"}],"stream":true}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await server.Http.PostAsync(new Uri("/v1/chat/completions", UriKind.Relative), content);
        var data = await ServerSentEventsReader.ReadDataAsync(response);
        Assert.Contains("\"Hel\"", data[0], StringComparison.Ordinal);
        Assert.Contains("\"server_error\"", data[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", data[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", data);
    }
}
