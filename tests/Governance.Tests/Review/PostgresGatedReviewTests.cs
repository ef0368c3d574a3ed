using HybridAI.Governance.Review;
using HybridAI.Governance.Tests.Support;
using HybridAI.Orchestrator;
using Npgsql;

namespace HybridAI.Governance.Tests.Review;

/// <summary>
/// What only PostgreSQL does (the shared suite is <see cref="GatedReviewTests"/>): the checkpoint store on its own, two
/// "machines" (store instances with their own pools) on one server, and schema names checked. Each test has its own schema.
/// </summary>
public sealed class PostgresGatedReviewTests : IAsyncLifetime
{
    private readonly string _schema = "hitl_" + Guid.NewGuid().ToString("N")[..12];
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock = new(GatedReviewTests.T0);

    internal static string Connection => PostgresFactAttribute.ConnectionString is { Length: > 0 } c ? c
        : throw new InvalidOperationException("HYBRIDAI_POSTGRES_CONNECTION is unset, but CI=true requires the PostgreSQL tests to run.");

    internal static async Task DropSchemaAsync(string schema)
    {
        await using var source = NpgsqlDataSource.Create(Connection);
        await using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        await drop.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => string.IsNullOrWhiteSpace(PostgresFactAttribute.ConnectionString) ? Task.CompletedTask : DropSchemaAsync(_schema);

    [PostgresFact]
    public async Task Checkpoint_store_alone_round_trips_between_two_machines()
    {
        await using var one = new PostgresCheckpointStore(Connection, _schema);
        await using var two = new PostgresCheckpointStore(Connection, _schema);
        var runner = new WorkflowRunner(checkpoints: one, time: Clock);
        var run = await runner.RunAsync(GatedReviewTests.Build(), GatedReviewTests.Risky());
        Assert.Equal(RunStatus.Suspended, run.Status);
        Assert.Single(await two.ListAsync("refund-approval"));

        var done = await new WorkflowRunner(checkpoints: two, time: Clock).ResumeAsync(GatedReviewTests.Build(), run.RunId, new GateDecision(true, "u-3") { Role = "support-lead" });

        Assert.Equal(("approved", RunStatus.Completed), (done.State.Route, done.Status));
        Assert.Null(await one.LoadAsync(run.RunId));
        Assert.False(await one.DeleteAsync(run.RunId));
    }

    [PostgresFact]
    public void A_bad_schema_name_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentException>(() => ReviewQueue.OpenPostgres(Connection, "Robert'); DROP TABLE x;--"));
        Assert.Contains("schema name", e.Message, StringComparison.Ordinal);
    }
}
