using System.Net;
using System.Net.Sockets;
using HybridAI.Generators.Chat;
using HybridAI.Generators.Endpoints;
using HybridAI.Generators.Grounding;
using HybridAI.Generators.Resilience;
using HybridAI.Governance.Audit;
using HybridAI.Orchestrator;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Resilience;

/// <summary>
/// A generate step over a real OpenAI-compatible HTTP server on loopback that times out, fails or is not there at all:
/// retries, then the no-model grounded writer, with the reason in a real SQLite audit log.
/// </summary>
public sealed class GenerationResilienceTests : IAsyncLifetime, IDisposable
{
    private const string Question = "Where is my refund for order Zebulon-7731?";

    private static readonly EvidencePassage[] Evidence =
    [
        new("kb-refunds#1", "kb-refunds", "Refunds are issued to the original payment method within 5 business days of the return being received."),
        new("kb-refunds#2", "kb-refunds", "You can follow the refund from the Orders page once the warehouse has scanned the parcel."),
    ];

    private readonly TempDirectory _dir = new();
    private FaultyChatServer _server = null!;
    private SqliteAuditLog _audit = null!;

    public sealed class Ticket
    {
        public string Question { get; set; } = "";
        public string? Reply { get; set; }
        public bool Grounded { get; set; }
    }

    public async Task InitializeAsync()
    {
        _server = await FaultyChatServer.StartAsync();
        _audit = new SqliteAuditLog(_dir.File("audit.db"));
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _audit.DisposeAsync();
    }

    public void Dispose() => _dir.Dispose();

    private static IList<ChatMessage> Prompt(Ticket t) => EvidencePrompt.Build(t.Question, Evidence);

    private static void Apply(Ticket t, ChatResponse r)
    {
        t.Reply = r.Text;
        t.Grounded = r.AdditionalProperties?.TryGetValue(GroundedChatClient.DraftProperty, out var d) == true && d is GroundedDraft { Grounded: true };
    }

    private static async Task<string> GroundedReplyAsync() => (await new GroundedChatClient().GetResponseAsync(Prompt(new Ticket { Question = Question }))).Text;

    private static GenerationResilience Resilience(int attempts = 3, TimeSpan? timeout = null) => new()
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
        MaxAttempts = attempts,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        Fallback = new GroundedChatClient(),
    };

    private async Task<(RunResult<Ticket> Result, IReadOnlyList<AuditEvent> Audit)> RunAsync(IChatClient llm, GenerationResilience resilience)
    {
        var workflow = Workflow.Create<Ticket>("resilient-draft", "1.0")
            .Use(new AuditMiddleware(_audit))
            .Generate("draft-reply", llm, Prompt, Apply, resilience)
            .Build();
        var result = await new WorkflowRunner().RunAsync(workflow, new Ticket { Question = Question });
        await _audit.FlushAsync();
        return (result, await _audit.ReadAsync(result.RunId));
    }

    private IChatClient Llm(TimeSpan? networkTimeout = null, Uri? baseUrl = null, string? apiKeyVariable = null) =>
        new OpenAIEndpoint { BaseUrl = baseUrl ?? _server.BaseUrl, Model = "test-model", NetworkTimeout = networkTimeout, ApiKeyVariable = apiKeyVariable }.CreateChatClient();

    private static AuditEvent FellBack(IReadOnlyList<AuditEvent> audit) => Assert.Single(audit, e => e.EventType == AuditEventType.StepFellBack);

    [Fact]
    public async Task A_healthy_endpoint_answers_and_nothing_falls_back()
    {
        var (result, audit) = await RunAsync(Llm(), Resilience());

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(FaultyChatServer.Reply, result.State.Reply);
        Assert.DoesNotContain(audit, e => e.EventType == AuditEventType.StepFellBack);
        Assert.Equal("tokens=7", Assert.Single(audit, e => e.EventType == AuditEventType.StepCompleted).Outcome);
    }

    [Fact]
    public async Task An_endpoint_that_hangs_past_the_step_timeout_falls_back_to_the_grounded_draft()
    {
        _server.ThenHang().ThenHang();

        var (result, audit) = await RunAsync(Llm(), Resilience(attempts: 2, timeout: TimeSpan.FromMilliseconds(300)));

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(await GroundedReplyAsync(), result.State.Reply);
        Assert.True(result.State.Grounded);
        Assert.Equal(2, _server.Requests);
        var fellBack = FellBack(audit);
        Assert.Equal("step timeout after 0.3 s after 2 attempts", fellBack.Outcome);
        Assert.Equal("Polly.Timeout.TimeoutRejectedException", fellBack.ErrorType);
        Assert.Equal("fallback after step timeout after 0.3 s", Assert.Single(audit, e => e.EventType == AuditEventType.StepCompleted).Outcome);
    }

    [Fact]
    public async Task An_endpoint_network_timeout_falls_back_and_says_so()
    {
        _server.ThenHang();

        var (result, audit) = await RunAsync(Llm(networkTimeout: TimeSpan.FromMilliseconds(300)), Resilience(attempts: 1));

        Assert.Equal(await GroundedReplyAsync(), result.State.Reply);
        Assert.Equal($"endpoint timeout ({_server.BaseUrl.Authority})", FellBack(audit).Outcome);
        Assert.Equal(typeof(OpenAIEndpointException).FullName, FellBack(audit).ErrorType);
    }

    [Fact]
    public async Task A_server_error_on_every_attempt_is_retried_then_falls_back_with_the_status_in_the_audit()
    {
        _server.ThenFail(503, count: 3);

        var (result, audit) = await RunAsync(Llm(), Resilience(attempts: 3));

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(await GroundedReplyAsync(), result.State.Reply);
        Assert.Equal(3, _server.Requests);
        Assert.Equal($"HTTP 503 from {_server.BaseUrl.Authority} after 3 attempts", FellBack(audit).Outcome);
    }

    [Fact]
    public async Task One_503_then_recovery_is_answered_by_the_endpoint_on_the_retry()
    {
        _server.ThenFail(503);

        var (result, audit) = await RunAsync(Llm(), Resilience(attempts: 3));

        Assert.Equal(FaultyChatServer.Reply, result.State.Reply);
        Assert.Equal(2, _server.Requests);
        Assert.DoesNotContain(audit, e => e.EventType == AuditEventType.StepFellBack);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    public async Task Other_transient_statuses_are_retried(int status)
    {
        _server.ThenFail(status);

        var (result, _) = await RunAsync(Llm(), Resilience(attempts: 2));

        Assert.Equal(FaultyChatServer.Reply, result.State.Reply);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_the_server_asked_for()
    {
        _server.ThenFail(429, ("retry-after-ms", "20"));

        var (result, _) = await RunAsync(Llm(), Resilience(attempts: 2));

        Assert.Equal(FaultyChatServer.Reply, result.State.Reply);
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task A_429_asking_for_longer_than_MaxRetryAfter_falls_back_at_once()
    {
        _server.ThenFail(429, ("Retry-After", "120"));

        var (result, audit) = await RunAsync(Llm(), Resilience(attempts: 3));

        Assert.Equal(await GroundedReplyAsync(), result.State.Reply);
        Assert.Equal(1, _server.Requests);
        Assert.Equal($"HTTP 429 rate limited by {_server.BaseUrl.Authority} (asked to wait 120 s)", FellBack(audit).Outcome);
    }

    [Fact]
    public async Task A_refused_key_is_neither_retried_nor_silently_fallen_back_from()
    {
        const string variable = "HYBRIDAI_TEST_RESILIENCE_KEY";
        Environment.SetEnvironmentVariable(variable, "sk-very-secret-value");
        try
        {
            _server.ThenFail(401, count: 3);

            var (result, audit) = await RunAsync(Llm(apiKeyVariable: variable), Resilience(attempts: 3));

            Assert.Equal(RunStatus.Failed, result.Status);
            Assert.Equal(1, _server.Requests);
            var endpoint = Assert.IsType<OpenAIEndpointException>(result.Error!.InnerException);
            Assert.Equal(OpenAIEndpointFailure.Unauthorized, endpoint.Failure);
            Assert.Contains(variable, endpoint.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(audit, e => e.EventType == AuditEventType.StepFellBack);
            var failed = Assert.Single(audit, e => e.EventType == AuditEventType.StepFailed);
            Assert.DoesNotContain("sk-very-secret-value", failed.ErrorMessage, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task A_refused_key_falls_back_when_configured_to()
    {
        _server.ThenFail(401);

        var (result, audit) = await RunAsync(Llm(), Resilience(attempts: 3) with { FallbackOnConfigurationError = true });

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(await GroundedReplyAsync(), result.State.Reply);
        Assert.Equal(1, _server.Requests);
        Assert.Equal($"HTTP 401 credentials refused by {_server.BaseUrl.Authority}", FellBack(audit).Outcome);
    }

    [Fact]
    public async Task An_unreachable_port_falls_back_and_the_audit_says_connection_refused()
    {
        var dead = new Uri($"http://127.0.0.1:{FreePort()}/v1");

        var (result, audit) = await RunAsync(Llm(baseUrl: dead), Resilience(attempts: 2));

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal(await GroundedReplyAsync(), result.State.Reply);
        Assert.Equal($"endpoint unreachable ({dead.Authority}, ConnectionRefused) after 2 attempts", FellBack(audit).Outcome);
    }

    [Fact]
    public async Task The_audit_holds_neither_the_prompt_nor_the_servers_error_text()
    {
        _server.ThenFail(503, count: 2);

        var (_, audit) = await RunAsync(Llm(), Resilience(attempts: 2));

        Assert.Contains(audit, e => e.EventType == AuditEventType.StepFellBack);
        foreach (var e in audit)
        {
            var text = $"{e.Outcome} {e.ErrorType} {e.ErrorMessage}";
            Assert.DoesNotContain("Zebulon", text, StringComparison.Ordinal);
            Assert.DoesNotContain("for the prompt", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_fallback_the_last_failure_fails_the_step()
    {
        _server.ThenFail(503, count: 2);

        var (result, _) = await RunAsync(Llm(), Resilience(attempts: 2) with { Fallback = null });

        Assert.Equal(RunStatus.Failed, result.Status);
        Assert.Equal(503, Assert.IsType<OpenAIEndpointException>(result.Error!.InnerException).StatusCode);
    }

    [Theory]
    [InlineData(0, 1000, "MaxAttempts must be at least 1")]
    [InlineData(3, 0, "Timeout must be positive")]
    public void Bad_settings_are_refused_when_the_workflow_is_built(int attempts, int timeoutMs, string expected)
    {
        var builder = Workflow.Create<Ticket>("bad", "1.0")
            .Generate("draft-reply", new GroundedChatClient(), Prompt, Apply,
                new GenerationResilience { MaxAttempts = attempts, Timeout = TimeSpan.FromMilliseconds(timeoutMs) });

        var e = Assert.Throws<WorkflowValidationException>(() => builder.Build());
        Assert.Contains("draft-reply", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    /// <summary>A loopback port nobody listens on: bound, then released.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
