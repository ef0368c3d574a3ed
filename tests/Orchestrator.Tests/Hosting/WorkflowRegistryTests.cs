using HybridAI.Orchestrator.Tests.Support;

namespace HybridAI.Orchestrator.Tests.Hosting;

public class WorkflowRegistryTests
{
    private static Workflow<Ticket> Triage(string version) => Workflow.Create<Ticket>("triage", version).Transform("t", t => t.Reply = version).Build();

    [Fact]
    public void Get_returns_the_named_version_or_the_highest()
    {
        var registry = new WorkflowRegistry().Add(Triage("1.9")).Add(Triage("1.10")).Add(Triage("1.2"));

        Assert.Equal("1.10", registry.Get<Ticket>("triage").Version);
        Assert.Equal("1.2", registry.Get<Ticket>("triage", "1.2").Version);
    }

    [Fact]
    public void Missing_name_or_version_and_wrong_state_type_are_explained()
    {
        var registry = new WorkflowRegistry().Add(Triage("1.0"));

        Assert.Contains("'billing'", Assert.Throws<KeyNotFoundException>(() => registry.Get<Ticket>("billing")).Message);
        Assert.Contains("2.0", Assert.Throws<KeyNotFoundException>(() => registry.Get<Ticket>("triage", "2.0")).Message);
        Assert.Contains("TicketV2", Assert.Throws<InvalidOperationException>(() => registry.Get<TicketV2>("triage")).Message);
        Assert.False(registry.TryGet<Ticket>("nope", null, out _));
    }

    [Fact]
    public void Duplicate_registration_is_refused_and_list_is_sorted()
    {
        var registry = new WorkflowRegistry().Add(Triage("2.0")).Add(Triage("1.0"))
            .Add(Workflow.Create<TicketV2>("alpha", "1").Transform("t", t => { }).Build());

        Assert.Throws<InvalidOperationException>(() => registry.Add(Triage("1.0")));
        Assert.Equal(
            [new WorkflowInfo("alpha", "1", typeof(TicketV2)), new WorkflowInfo("triage", "1.0", typeof(Ticket)), new WorkflowInfo("triage", "2.0", typeof(Ticket))],
            registry.List());
    }
}
