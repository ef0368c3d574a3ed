using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Masking;

public class PiiMaskingMiddlewareAnonymizerTests
{
    public sealed class Ticket
    {
        public string CustomerId { get; set; } = "";
        public string Body { get; set; } = "";
        public string? Reply { get; set; }
    }

    private static readonly byte[] HashKey = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();

    private static async Task<(Ticket State, string? SeenBody)> RunAsync(PiiMaskingMiddleware.Options options)
    {
        var anonymizerOptions = new AnonymizerOptions { HashKey = HashKey };
        anonymizerOptions.Operators[PiiTypes.CreditCard] = PiiOperator.Mask();
        var middleware = new PiiMaskingMiddleware(new Anonymizer(PiiDetector.CreateDefault(), anonymizerOptions), options);
        var ticket = new Ticket { CustomerId = "jean.dupont@example.fr", Body = "I'm John Smith, card 4111 1111 1111 1111" };
        string? seen = null;
        await middleware.InvokeAsync(new TestRunContext(ticket), ctx =>
        {
            var state = (Ticket)ctx.State;
            seen = state.Body;
            state.Reply = "Dear <PERSON_1>, your card **** **** **** 1111 is blocked.";
            return ValueTask.CompletedTask;
        });
        return (ticket, seen);
    }

    [Fact]
    public async Task Steps_see_the_operators_output_and_the_reply_keeps_placeholders_by_default()
    {
        var options = new PiiMaskingMiddleware.Options();
        options.Properties.Add("Body");
        var (state, seen) = await RunAsync(options);
        Assert.Equal("I'm <PERSON_1>, card **** **** **** 1111", seen);
        Assert.Equal("Dear <PERSON_1>, your card **** **** **** 1111 is blocked.", state.Reply);
    }

    [Fact]
    public async Task With_reidentification_allowed_the_reply_gets_the_clear_values_back()
    {
        string? subjectSeen = null;
        var options = new PiiMaskingMiddleware.Options { Subject = run => subjectSeen = ((Ticket)run.State).CustomerId };
        options.Properties.Add("Body");
        options.Reidentify.Add("Reply");
        var (state, seen) = await RunAsync(options);
        Assert.Equal("I'm <PERSON_1>, card **** **** **** 1111", seen);
        Assert.Equal("Dear John Smith, your card **** **** **** 1111 is blocked.", state.Reply);
        Assert.Equal("I'm <PERSON_1>, card **** **** **** 1111", state.Body);
        Assert.Equal("jean.dupont@example.fr", subjectSeen);
    }
}
