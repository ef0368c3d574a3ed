using HybridAI.Orchestrator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Orchestrator.Tests.Hosting;

public class AddHybridAITests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Registers_registry_runner_sqlite_store_and_clock()
    {
        var path = _folder.File("di.db");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(new KeywordClassifier(("billing", "charge")));
        services.AddHybridAI(o =>
            {
                o.CheckpointPath = path;
                o.MaxStepsPerRun = 10;
            })
            .AddWorkflow(Workflow.Create<Ticket>("coded", "1.0").Gate("review", t => true, (t, d) => t.Approved = d.Approved).Build())
            .AddWorkflow(sp => Workflow.Create<Ticket>("from-services", "1.0")
                .Classify("classify", sp.GetRequiredService<KeywordClassifier>(), t => t.Text, (t, c) => t.Category = c.Label)
                .Build());

        await using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<WorkflowRegistry>();
        var runner = provider.GetRequiredService<WorkflowRunner>();
        var store = provider.GetRequiredService<ICheckpointStore>();

        Assert.IsType<SqliteCheckpointStore>(store);
        Assert.Same(clock, runner.Time);
        Assert.Same(store, runner.Checkpoints);
        Assert.Equal(path, provider.GetRequiredService<IOptions<HybridAIOptions>>().Value.CheckpointPath);
        Assert.Equal(["coded", "from-services"], registry.List().Select(w => w.Name));

        var classified = await runner.RunAsync(registry.Get<Ticket>("from-services"), new Ticket { Text = "charge" });
        Assert.Equal("billing", classified.State.Category);

        var suspended = await runner.RunAsync(registry.Get<Ticket>("coded"), new Ticket());
        var stored = Assert.Single(await store.ListAsync());
        Assert.Equal(clock.GetUtcNow(), stored.CreatedAt);
        Assert.True(File.Exists(path));
        var resumed = await runner.ResumeAsync(registry.Get<Ticket>("coded"), suspended.RunId, new GateDecision(true, "ops"));
        Assert.True(resumed.State.Approved);
        ((IDisposable)store).Dispose();
    }

    [Fact]
    public void Keeps_a_checkpoint_store_registered_before()
    {
        var services = new ServiceCollection();
        var mine = new InMemoryCheckpointStore();
        services.AddSingleton<ICheckpointStore>(mine);
        services.AddHybridAI();
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<WorkflowRunner>().Checkpoints);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Empty(provider.GetRequiredService<WorkflowRegistry>().List());
    }
}
