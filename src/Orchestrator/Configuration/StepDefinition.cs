namespace HybridAI.Orchestrator;

/// <summary>One step of a <see cref="WorkflowDefinition"/>.</summary>
public sealed class StepDefinition
{
    /// <summary>The step's name.</summary>
    public required string Name { get; init; }

    /// <summary>classify, score, retrieve, generate, transform, gate or branch.</summary>
    public required string Kind { get; init; }

    /// <summary>The component type (classify, score, retrieve, generate) or the registered code's name (transform, gate, branch).</summary>
    public string? Component { get; init; }

    /// <summary>The state property the step reads.</summary>
    public string? Input { get; init; }

    /// <summary>The state property the step writes.</summary>
    public string? Output { get; init; }

    /// <summary>Branch targets (step names or <c>$end</c>).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>
    /// Options: <c>timeout</c>, <c>retry</c> (attempts), <c>retry-delay</c>, and for a retrieve step <c>top</c> (hits, default 5)
    /// and <c>mode</c> (<c>keyword</c>, the default, <c>vector</c> or <c>hybrid</c>) are the engine's; the rest go to the
    /// component factory.
    /// </summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>The line of the step in its file (1-based), 0 when unknown.</summary>
    public int Line { get; init; }
}
