using BenchmarkDotNet.Attributes;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Orchestrator;

namespace HybridAI.Benchmarks;

/// <summary>
/// Engine overhead: a 4-step workflow whose step bodies do (almost) nothing, run online, one input at a time.
/// Bare = no middleware; Audit = the real SQLite audit log behind the audit middleware (asynchronous batching);
/// AuditAndPii = the same plus PII masking of the input.
/// </summary>
[MemoryDiagnoser]
public class EngineOverheadBenchmarks
{
    private string _folder = "";
    private protected SqliteAuditLog? _audit;
    private WorkflowRunner _runner = null!;
    private Workflow<BenchState> _bare = null!;
    private Workflow<BenchState> _withAudit = null!;
    private Workflow<BenchState> _withAuditAndPii = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("hybridai-bench-").FullName;
        _audit = new SqliteAuditLog(Path.Combine(_folder, "audit.db"));
        var pii = PiiDetector.CreateDefault();
        _runner = new WorkflowRunner();
        _bare = Steps(Workflow.Create<BenchState>("bench", "1.0")).Build();
        _withAudit = Steps(Workflow.Create<BenchState>("bench", "1.0").Use(new AuditMiddleware(_audit))).Build();
        _withAuditAndPii = Steps(Workflow.Create<BenchState>("bench", "1.0")
            .UseRun(new PiiMaskingMiddleware(new PiiMasker(pii)))
            .Use(new AuditMiddleware(_audit, pii))).Build();
    }

    private static WorkflowBuilder<BenchState> Steps(WorkflowBuilder<BenchState> b) => b
        .Transform("a", static s => s.Counter++)
        .Transform("b", static s => s.Counter++)
        .Transform("c", static s => s.Counter++)
        .Transform("d", static s => s.Counter++);

    [Benchmark(Baseline = true)]
    public Task<RunResult<BenchState>> Bare() => _runner.RunAsync(_bare, NewInput());

    [Benchmark]
    public Task<RunResult<BenchState>> Audit() => _runner.RunAsync(_withAudit, NewInput());

    [Benchmark]
    public Task<RunResult<BenchState>> AuditAndPii() => _runner.RunAsync(_withAuditAndPii, NewInput());

    private static BenchState NewInput() => new()
    {
        Subject = "Double charge on my card",
        Body = "Hello, I am Marie Dupont, I was charged twice for order CMD-48213. Call me on 06 12 34 56 78 or write to marie.dupont@example.com.",
    };

    [GlobalCleanup]
    public void Cleanup()
    {
        _audit?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// The same runs, measured while the audit sink keeps up: each iteration is 2,048 runs (8,192 events, under the
/// sink's queue capacity), and the queue is flushed to SQLite between iterations, outside the timed region. This
/// is the caller's cost with asynchronous batching; the sustained figures above are bounded by the sink's write rate.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 2048)]
public class EngineOverheadWhileSinkKeepsUpBenchmarks : EngineOverheadBenchmarks
{
    [IterationCleanup]
    public void FlushAudit() => _audit?.FlushAsync().GetAwaiter().GetResult();
}

/// <summary>A ticket-sized state.</summary>
public sealed class BenchState
{
    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public int Counter { get; set; }
}
