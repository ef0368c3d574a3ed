using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Tests.Masking;

/// <summary>
/// A run suspended at a gate and resumed "in another process" (new runner, checkpoint store, key vault and workflow on
/// the same files): the sealed scope in the checkpointed state lets the resumed run re-identify its placeholders.
/// </summary>
public class PiiMaskingMiddlewareResumeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly byte[] _master = PiiKeyVault.CreateMasterKey();

    public void Dispose() => _dir.Dispose();

    public sealed class Ticket
    {
        public string CustomerId { get; set; } = "";
        public string Body { get; set; } = "";
        public string? Reply { get; set; }
        public byte[]? PiiScope { get; set; }
    }

    private static Workflow<Ticket> Workflow(PiiKeyVault keys)
    {
        var options = new PiiMaskingMiddleware.Options { Subject = run => ((Ticket)run.State).CustomerId, SealedScopeProperty = nameof(Ticket.PiiScope) };
        options.Properties.Add(nameof(Ticket.Body));
        options.Reidentify.Add(nameof(Ticket.Reply));
        return HybridAI.Orchestrator.Workflow.Create<Ticket>("reply", "1.0")
            .UseRun(new PiiMaskingMiddleware(new Anonymizer(PiiDetector.CreateDefault(), keys: keys), options))
            .Gate("review", _ => true, (_, _) => { }, _ => "always")
            .Transform("draft", t => t.Reply = "Dear <PERSON_1>, we answered at <EMAIL_1>.")
            .Build();
    }

    [Fact]
    public async Task A_run_resumed_elsewhere_reidentifies_its_placeholders()
    {
        string runId;
        await using (var store = new SqliteCheckpointStore(_dir.File("checkpoints.db")))
        using (var keys = new PiiKeyVault(_dir.File("keys.db"), _master))
        {
            var suspended = await new WorkflowRunner(checkpoints: store).RunAsync(Workflow(keys),
                new Ticket { CustomerId = "customer-42", Body = "Hello, my name is John Smith, mail john@example.com" });
            Assert.Equal(RunStatus.Suspended, suspended.Status);
            runId = suspended.RunId;
            var checkpoint = (await store.LoadAsync(runId))!;
            Assert.Contains("PERSON_1", checkpoint.StateJson, StringComparison.Ordinal); // JSON writes "<" as \u003C
            Assert.DoesNotContain("Smith", checkpoint.StateJson, StringComparison.Ordinal);
            Assert.DoesNotContain("john@", checkpoint.StateJson, StringComparison.Ordinal);
        }

        await using var otherStore = new SqliteCheckpointStore(_dir.File("checkpoints.db"));
        using var otherKeys = new PiiKeyVault(_dir.File("keys.db"), _master);
        var resumed = await new WorkflowRunner(checkpoints: otherStore).ResumeAsync(Workflow(otherKeys), runId, new GateDecision(true, "agent-7"));

        Assert.Equal(RunStatus.Completed, resumed.Status);
        Assert.Equal("Dear John Smith, we answered at john@example.com.", resumed.State.Reply);
        Assert.Equal("Hello, my name is <PERSON_1>, mail <EMAIL_1>", resumed.State.Body);
    }

    [Fact]
    public async Task A_missing_scope_property_or_key_vault_is_named()
    {
        var options = new PiiMaskingMiddleware.Options { SealedScopeProperty = "PiiScope" };
        var error = Assert.Throws<ArgumentException>(() => new PiiMaskingMiddleware(new Anonymizer(PiiDetector.CreateDefault()), options));
        Assert.Contains("PiiKeyVault", error.Message, StringComparison.Ordinal);

        using var keys = new PiiKeyVault(_dir.File("keys.db"), _master);
        var middleware = new PiiMaskingMiddleware(new Anonymizer(PiiDetector.CreateDefault(), keys: keys), new PiiMaskingMiddleware.Options { SealedScopeProperty = "Missing" });
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(async () => await middleware.InvokeAsync(new TestRunContext(new Ticket()), _ => ValueTask.CompletedTask));
        Assert.Contains("'Missing'", missing.Message, StringComparison.Ordinal);
    }
}
