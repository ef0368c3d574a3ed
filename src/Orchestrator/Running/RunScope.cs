using System.Threading.Channels;

namespace HybridAI.Orchestrator.Running;

/// <summary>The one context object of a run; the runner mutates it as the run moves from step to step.</summary>
internal sealed class RunScope<TState> : RunContext
    where TState : class, new()
{
    private readonly WorkflowRunner _runner;
    private readonly Workflow<TState> _workflow;
    private readonly string _runId;
    private readonly CancellationToken _cancellationToken;
    private object _state;
    private Dictionary<string, object?>? _items;

    public RunScope(WorkflowRunner runner, Workflow<TState> workflow, string runId, TState state, CancellationToken cancellationToken)
    {
        _runner = runner;
        _workflow = workflow;
        _runId = runId;
        _state = state;
        _cancellationToken = cancellationToken;
        Step = new StepScope<TState>(this);
        Timings = new List<StepTiming>(workflow.StepArray.Length);
    }

    public override string RunId => _runId;
    public override string WorkflowName => _workflow.Name;
    public override string WorkflowVersion => _workflow.Version;

    public override object State
    {
        get => _state;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value is not TState)
            {
                throw new ArgumentException($"Workflow '{_workflow.Name}' needs a state of type {typeof(TState).Name}, not {value.GetType().Name}.", nameof(value));
            }
            _state = value;
        }
    }

    public override Type StateType => typeof(TState);
    public override IServiceProvider Services => _runner.Services;
    public override TimeProvider TimeProvider => _runner.Time;
    public override CancellationToken CancellationToken => _cancellationToken;
    public override IDictionary<string, object?> Items => _items ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    public TState TypedState => (TState)_state;
    public WorkflowRunner Runner => _runner;
    public Workflow<TState> Workflow => _workflow;

    /// <summary>The reused step context.</summary>
    public StepScope<TState> Step { get; }

    /// <summary>Where the loop starts (0, or the gate when resuming).</summary>
    public int StartIndex { get; set; }

    /// <summary>Set before each step to the following one; a branch overwrites it.</summary>
    public int NextIndex { get; set; }

    public bool SuspendRequested { get; set; }
    public GateReview? SuspendReview { get; set; }

    /// <summary>Non-null when the run is an item of a batch run whose workflow has batching steps.</summary>
    public Batching.BatchItem? BatchItem { get; init; }

    /// <summary>Non-null when the run is streamed.</summary>
    public ChannelWriter<WorkflowUpdate>? Sink { get; set; }

    public WorkflowStepException? Error { get; set; }
    public List<StepTiming> Timings { get; }
}
