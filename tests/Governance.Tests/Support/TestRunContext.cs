using HybridAI.Orchestrator;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Governance.Tests.Support;

/// <summary>A run as the engine would present it, for driving middleware directly.</summary>
internal sealed class TestRunContext(object state, TimeProvider? time = null, string runId = "run-1") : RunContext
{
    private readonly Dictionary<string, object?> _items = [];

    public override string RunId { get; } = runId;
    public override string WorkflowName => "ticket-triage";
    public override string WorkflowVersion => "1.2.0";
    public override object State { get; set; } = state;
    public override Type StateType => State.GetType();
    public override IServiceProvider Services { get; } = new EmptyServices();
    public override TimeProvider TimeProvider { get; } = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public override CancellationToken CancellationToken => CancellationToken.None;
    public override IDictionary<string, object?> Items => _items;

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

internal sealed class TestStepContext(RunContext run, string name, StepKind kind, int index) : StepContext
{
    public override RunContext Run => run;
    public override string StepName => name;
    public override StepKind Kind => kind;
    public override int StepIndex => index;
}

/// <summary>A fresh directory under the temp folder, deleted at the end of the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("hybridai-gov-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on another thread: leave it for the OS temp cleanup.
        }
    }
}
