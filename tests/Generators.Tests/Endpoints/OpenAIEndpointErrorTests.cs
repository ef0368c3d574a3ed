using System.Net;
using System.Net.Sockets;
using HybridAI.Generators.Endpoints;
using Microsoft.Extensions.AI;
using Polly;
using Polly.Retry;

namespace HybridAI.Generators.Tests.Endpoints;

public sealed class OpenAIEndpointErrorTests
{
    [Fact]
    public async Task An_unreachable_endpoint_names_the_url()
    {
        // A loopback port that was just free: connecting to it is refused, for real.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var baseUrl = new Uri($"http://127.0.0.1:{port}/v1");
        using var chat = new OpenAIEndpoint { BaseUrl = baseUrl, Model = "qwen2.5:1.5b" }.CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("I was charged twice."));

        Assert.Equal(OpenAIEndpointFailure.Unreachable, e.Failure);
        Assert.Contains(baseUrl.ToString(), e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("charged", e.ToString(), StringComparison.Ordinal);
        Assert.True(e.IsTransient);
    }

    [Theory]
    [InlineData("error-401.json", HttpStatusCode.Unauthorized)]
    [InlineData("error-403.json", HttpStatusCode.Forbidden)]
    public async Task Refused_credentials_name_the_variable_never_the_key(string file, HttpStatusCode status)
    {
        var variable = $"HYBRIDAI_TEST_KEY_{Guid.NewGuid():N}";
        var key = $"sk-proj-{Guid.NewGuid():N}wxYZ";
        Environment.SetEnvironmentVariable(variable, key);
        try
        {
            var server = new RecordedEndpoint().Reply(file, status);
            using var chat = server.Endpoint(apiKeyVariable: variable).CreateChatClient();

            var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("My IBAN is DE89370400440532013000."));

            Assert.Equal(OpenAIEndpointFailure.Unauthorized, e.Failure);
            Assert.Equal((int)status, e.StatusCode);
            Assert.Contains(variable, e.Message, StringComparison.Ordinal);
            Assert.Contains(RecordedEndpoint.BaseUrl.ToString(), e.Message, StringComparison.Ordinal);
            var everything = e.ToString();
            Assert.DoesNotContain(key, everything, StringComparison.Ordinal);
            Assert.DoesNotContain("wxYZ", everything, StringComparison.Ordinal);
            Assert.DoesNotContain("DE89370400440532013000", everything, StringComparison.Ordinal);
            Assert.False(e.IsTransient);
            Assert.Equal($"Bearer {key}", Assert.Single(server.Requests).Authorization);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Rate_limiting_exposes_the_retry_after_delay_in_seconds()
    {
        var server = new RecordedEndpoint().Reply("error-429.json", HttpStatusCode.TooManyRequests, ("Retry-After", "20"));
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("Hi"));

        Assert.Equal(OpenAIEndpointFailure.RateLimited, e.Failure);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(20), e.RetryAfter);
        Assert.True(e.IsTransient);
        Assert.Contains("rate_limit_exceeded", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("org-Qx7", e.ToString(), StringComparison.Ordinal);
        // The SDK made no retries of its own: the workflow's Polly pipeline decides.
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Rate_limiting_prefers_retry_after_ms()
    {
        var server = new RecordedEndpoint().Reply("error-429.json", HttpStatusCode.TooManyRequests, ("retry-after-ms", "1500"), ("Retry-After", "2"));
        using var embedder = server.Endpoint().CreateEmbeddingGenerator("text-embedding-3-small");

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => embedder.GenerateAsync(["refund request"]));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), e.RetryAfter);
    }

    [Fact]
    public async Task Rate_limiting_without_a_header_has_no_delay()
    {
        var server = new RecordedEndpoint().Reply("error-429.json", HttpStatusCode.TooManyRequests);
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("Hi"));

        Assert.Null(e.RetryAfter);
    }

    [Fact]
    public async Task A_rejected_request_names_the_error_code_but_never_echoes_the_prompt()
    {
        var server = new RecordedEndpoint().Reply("error-400.json", HttpStatusCode.BadRequest);
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("my IBAN is DE89370400440532013000"));

        Assert.Equal(OpenAIEndpointFailure.Rejected, e.Failure);
        Assert.Contains("context_length_exceeded", e.Message, StringComparison.Ordinal);
        Assert.Contains("param messages", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DE89370400440532013000", e.ToString(), StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task A_gateway_error_page_is_a_transient_server_error()
    {
        var server = new RecordedEndpoint().Reply("error-500.html", HttpStatusCode.BadGateway);
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("Hi"));

        Assert.Equal(OpenAIEndpointFailure.ServerError, e.Failure);
        Assert.Equal(502, e.StatusCode);
        Assert.True(e.IsTransient);
    }

    [Theory]
    [InlineData("chat-truncated.json")]
    [InlineData("chat-no-choices.json")]
    public async Task A_malformed_completion_body_is_reported_as_such(string file)
    {
        var server = new RecordedEndpoint().Reply(file);
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("Hi"));

        Assert.Equal(OpenAIEndpointFailure.MalformedResponse, e.Failure);
        Assert.Contains(RecordedEndpoint.BaseUrl.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chat-stream-truncated.sse")]
    [InlineData("chat-stream-malformed.sse")]
    [InlineData("chat-stream-tool-calls-truncated.sse")]
    [InlineData("chat-stream-cut-mid-event.sse")]
    [InlineData("chat-stream-not-json.sse")]
    [InlineData("chat-stream-tool-calls-cut-mid-event.sse")]
    public async Task A_cut_or_garbled_stream_fails_clearly_after_what_did_arrive(string file)
    {
        var server = new RecordedEndpoint().Reply(file);
        using var chat = server.Endpoint().CreateChatClient();
        var received = new List<ChatResponseUpdate>();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("Hi", new ChatOptions { Tools = [AIFunctionFactory.Create((string order_id) => "", "lookup_order")] }))
            {
                received.Add(update);
            }
        });

        Assert.Equal(OpenAIEndpointFailure.MalformedResponse, e.Failure);
        Assert.True(e.IsTransient);
        Assert.Contains(RecordedEndpoint.BaseUrl.ToString(), e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(received, u => u.Contents.OfType<FunctionCallContent>().Any());
    }

    [Theory]
    [InlineData("chat-stream-truncated.sse", "the stream ended before the reply was finished (no finish reason)")]
    [InlineData("chat-stream-cut-mid-event.sse", "the stream ended before the reply was finished (no finish reason)")]
    [InlineData("chat-stream-tool-calls-cut-mid-event.sse", "the stream ended before the reply was finished (no finish reason)")]
    [InlineData("chat-stream-malformed.sse", "an event of the stream is not valid JSON (a data line was garbled or cut)")]
    [InlineData("chat-stream-not-json.sse", "an event of the stream is not valid JSON (a data line was garbled or cut)")]
    public async Task A_broken_stream_says_what_is_wrong_without_quoting_the_stream(string file, string what)
    {
        var server = new RecordedEndpoint().Reply(file);
        using var chat = server.Endpoint().CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(async () =>
        {
            await foreach (var update in chat.GetStreamingResponseAsync("Hi", new ChatOptions { Tools = [AIFunctionFactory.Create((string order_id) => "", "lookup_order")] }))
            {
            }
        });

        Assert.Equal($"The endpoint {RecordedEndpoint.BaseUrl} sent a malformed reply: {what}.", e.Message);
        Assert.Null(e.InnerException);
    }

    [Fact]
    public async Task A_whole_stream_without_the_closing_done_line_is_accepted()
    {
        // Finish reason and usage arrived: the reply is complete, and the SDK ends a stream at [DONE] and at its end alike.
        var server = new RecordedEndpoint().Reply("chat-stream-no-done.sse");
        using var chat = server.Endpoint().CreateChatClient();

        var response = await chat.GetStreamingResponseAsync("I was charged twice.").ToChatResponseAsync();

        Assert.Equal("Category: billing. The customer was charged twice.", response.Text);
        Assert.Equal((ChatFinishReason.Stop, 51L), (response.FinishReason, response.Usage!.TotalTokenCount));
    }

    [Fact]
    public void A_key_variable_that_is_not_set_is_named_when_the_client_is_created()
    {
        var variable = $"HYBRIDAI_MISSING_{Guid.NewGuid():N}";

        var e = Assert.Throws<InvalidOperationException>(() => new RecordedEndpoint().Endpoint(apiKeyVariable: variable).CreateChatClient());

        Assert.Contains(variable, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://models.example/v1")]
    [InlineData("v1/chat")]
    public void A_base_url_that_is_not_absolute_http_is_refused(string url)
    {
        var endpoint = new OpenAIEndpoint { BaseUrl = new Uri(url, UriKind.RelativeOrAbsolute), Model = "gpt-4o-mini" };

        var e = Assert.Throws<InvalidOperationException>(() => endpoint.CreateEmbeddingGenerator());

        Assert.Contains("base URL", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_blank_model_is_refused()
    {
        var endpoint = new OpenAIEndpoint { BaseUrl = RecordedEndpoint.BaseUrl, Model = " " };

        var e = Assert.Throws<InvalidOperationException>(() => endpoint.CreateChatClient());

        Assert.Contains("model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_never_answers_times_out_by_name()
    {
        using var silent = new SilentHandler();
        using var chat = new OpenAIEndpoint
        {
            BaseUrl = RecordedEndpoint.BaseUrl,
            Model = "gpt-4o-mini",
            NetworkTimeout = TimeSpan.FromMilliseconds(50),
            Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(new HttpClient(silent)),
        }.CreateChatClient();

        var e = await Assert.ThrowsAsync<OpenAIEndpointException>(() => chat.GetResponseAsync("Hi"));

        Assert.Equal(OpenAIEndpointFailure.Timeout, e.Failure);
        Assert.Contains(RecordedEndpoint.BaseUrl.ToString(), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_polly_retry_waits_as_long_as_the_server_asked_then_succeeds()
    {
        var server = new RecordedEndpoint()
            .Reply("error-429.json", HttpStatusCode.TooManyRequests, ("retry-after-ms", "5"))
            .Reply("chat-text.json");
        using var chat = server.Endpoint().CreateChatClient();
        var delays = new List<TimeSpan>();
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<OpenAIEndpointException>(e => e.IsTransient),
                DelayGenerator = args => ValueTask.FromResult((args.Outcome.Exception as OpenAIEndpointException)?.RetryAfter),
                OnRetry = args =>
                {
                    delays.Add(args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

        var reply = await pipeline.ExecuteAsync(async ct => await chat.GetResponseAsync("Hi", cancellationToken: ct));

        Assert.Equal("Category: billing. The customer was charged twice for one order.", reply.Text);
        Assert.Equal([TimeSpan.FromMilliseconds(5)], delays);
        Assert.Equal(2, server.Requests.Count);
    }

    private sealed class SilentHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }
}
