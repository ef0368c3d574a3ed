using HybridAI.Governance.Masking;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;

namespace HybridAI.Governance.Tests.Masking;

public class PiiMaskingMiddlewareTests
{
    public sealed class Customer
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
    }

    public sealed class TicketState
    {
        public string Subject { get; set; } = "";
        public string? Body { get; set; }
        public List<string> Notes { get; set; } = [];
        public IReadOnlyList<string> Attachments { get; set; } = [];
        public string[] Tags { get; set; } = [];
        public Customer? Customer { get; set; }
        public string ReadOnlyEcho => Body ?? "";
        public int Priority { get; set; }
    }

    public sealed record RecordState(string Body, string Channel);

    [Fact]
    public async Task Masks_state_strings_before_the_next_delegate_runs()
    {
        var state = new TicketState
        {
            Subject = "Refund for john@example.com",
            Body = "Hello, my name is John Smith, call (555) 123-4567",
            Notes = ["card 4111 1111 1111 1111", "no pii here"],
            Attachments = ["scan of DE89 3704 0044 0532 0130 00"],
            Tags = ["vip", "john@example.com"],
            Customer = new Customer { Email = "jane@example.org", Name = "Dear Mr. Thornbury" },
            Priority = 2,
        };
        var run = new TestRunContext(state);
        TicketState? seen = null;
        string? seenBody = null;

        await new PiiMaskingMiddleware(PiiMasker.CreateDefault()).InvokeAsync(run, ctx =>
        {
            seen = (TicketState)ctx.State;
            seenBody = seen.Body;
            return ValueTask.CompletedTask;
        });

        Assert.Same(state, seen);
        Assert.Equal("Refund for <EMAIL_1>", state.Subject);
        Assert.Equal("Hello, my name is <PERSON_1>, call <PHONE_1>", seenBody);
        Assert.Equal(["card <CREDIT_CARD_1>", "no pii here"], state.Notes);
        Assert.Equal(["scan of <IBAN_1>"], state.Attachments);
        Assert.Equal(["vip", "<EMAIL_1>"], state.Tags);
        Assert.Equal("<EMAIL_2>", state.Customer!.Email);
        Assert.Equal("Dear Mr. <PERSON_2>", state.Customer.Name);
        var vault = PiiMaskingMiddleware.GetVault(run);
        Assert.NotNull(vault);
        Assert.Same(vault, run.Items[PiiMaskingMiddleware.VaultKey]);
        Assert.Equal("John Smith wrote from john@example.com", vault.Unmask("<PERSON_1> wrote from <EMAIL_1>"));
    }

    [Fact]
    public async Task Masks_init_only_properties_of_records()
    {
        var run = new TestRunContext(new RecordState("mail me: a.b@example.com", "web"));
        await new PiiMaskingMiddleware(PiiMasker.CreateDefault()).InvokeAsync(run, _ => ValueTask.CompletedTask);
        Assert.Equal(new RecordState("mail me: <EMAIL_1>", "web"), run.State);
    }

    [Fact]
    public async Task Options_limit_masking_to_listed_properties()
    {
        var options = new PiiMaskingMiddleware.Options();
        options.Properties.Add("Body");
        options.Properties.Add("Customer.Email");
        var state = new TicketState
        {
            Subject = "from john@example.com",
            Body = "from john@example.com",
            Customer = new Customer { Email = "jane@example.org", Name = "Dear Mr. Thornbury" },
        };
        await new PiiMaskingMiddleware(PiiMasker.CreateDefault(), options).InvokeAsync(new TestRunContext(state), _ => ValueTask.CompletedTask);
        Assert.Equal("from john@example.com", state.Subject);
        Assert.Equal("from <EMAIL_1>", state.Body);
        Assert.Equal("<EMAIL_2>", state.Customer!.Email);
        Assert.Equal("Dear Mr. Thornbury", state.Customer.Name);
    }

    [Fact]
    public async Task Each_run_gets_its_own_vault()
    {
        var middleware = new PiiMaskingMiddleware(PiiMasker.CreateDefault());
        var a = new TestRunContext(new TicketState { Body = "a@example.com" }, runId: "a");
        var b = new TestRunContext(new TicketState { Body = "b@example.com" }, runId: "b");
        await middleware.InvokeAsync(a, _ => ValueTask.CompletedTask);
        await middleware.InvokeAsync(b, _ => ValueTask.CompletedTask);
        Assert.Equal("a@example.com", PiiMaskingMiddleware.GetVault(a)!.Unmask("<EMAIL_1>"));
        Assert.Equal("b@example.com", PiiMaskingMiddleware.GetVault(b)!.Unmask("<EMAIL_1>"));
    }

    [Fact]
    public async Task Value_type_state_is_refused_with_a_clear_message()
    {
        var run = new TestRunContext(42);
        var ex = await Assert.ThrowsAsync<NotSupportedException>(
            () => new PiiMaskingMiddleware(PiiMasker.CreateDefault()).InvokeAsync(run, _ => ValueTask.CompletedTask).AsTask());
        Assert.Contains("System.Int32", ex.Message, StringComparison.Ordinal);
    }
}
