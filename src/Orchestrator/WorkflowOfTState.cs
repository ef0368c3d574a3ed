using System.Text.Json.Serialization.Metadata;
using HybridAI.Orchestrator.Steps;

namespace HybridAI.Orchestrator;

/// <summary>
/// A validated, immutable chain of steps over a typed state. Build one with <see cref="Workflow.Create{TState}"/>,
/// run it with a <see cref="WorkflowRunner"/>; one instance is shared by all its runs (and holds the circuit-breaker state).
/// </summary>
/// <typeparam name="TState">The state flowing through the steps; must round-trip through System.Text.Json so runs can be checkpointed.</typeparam>
public sealed class Workflow<TState>
    where TState : class, new()
{
    private readonly Dictionary<string, int> _indexByName;

    internal Workflow(string name, string version, WorkflowStep<TState>[] steps, string schemaHash,
        JsonTypeInfo<TState> jsonInfo, IStepMiddleware[] stepMiddleware, IRunMiddleware[] runMiddleware)
    {
        Name = name;
        Version = version;
        StepArray = steps;
        SchemaHash = schemaHash;
        JsonInfo = jsonInfo;
        RunSpanName = "invoke_workflow " + name;
        _indexByName = new Dictionary<string, int>(steps.Length, StringComparer.Ordinal);
        var infos = new StepInfo[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i].Index = i;
            _indexByName.Add(steps[i].Name, i);
            infos[i] = new StepInfo(steps[i].Name, steps[i].Kind);
        }
        Steps = infos;
        foreach (var step in steps)
        {
            step.Bind(this);
            Batches |= step.Batches;
        }
        StepPipeline = Pipelines.ComposeSteps<TState>(stepMiddleware);
        RunPipeline = Pipelines.ComposeRun<TState>(runMiddleware);
    }

    /// <summary>The workflow's name.</summary>
    public string Name { get; }

    /// <summary>The workflow's version.</summary>
    public string Version { get; }

    /// <summary>The steps in declaration order.</summary>
    public IReadOnlyList<StepInfo> Steps { get; }

    /// <summary>SHA-256 (hex) of the JSON schema of <typeparamref name="TState"/>; a checkpoint only resumes on the same hash.</summary>
    public string SchemaHash { get; }

    internal WorkflowStep<TState>[] StepArray { get; }

    /// <summary>Whether a step coalesces batch items, so batch runs need to track where their items are.</summary>
    internal bool Batches { get; }
    internal JsonTypeInfo<TState> JsonInfo { get; }
    internal string RunSpanName { get; }
    internal StepDelegate StepPipeline { get; }
    internal RunDelegate RunPipeline { get; }

    internal int IndexOf(string stepName) => _indexByName.TryGetValue(stepName, out var i) ? i : -1;

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Version}";
}
