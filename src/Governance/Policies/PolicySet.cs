namespace HybridAI.Governance.Policies;

/// <summary>The policies of several workflows, with a default for workflows not listed. Load one from JSON with <see cref="PolicyConfig"/>.</summary>
/// <example>
/// <code>
/// var set = new PolicySet(new WorkflowPolicy().Add(PolicyRules.PromptInjection(), PolicyAction.Block))
///     .For("claims", new WorkflowPolicy().Add(PolicyRules.PromptInjection(), PolicyAction.RouteToReview));
/// WorkflowPolicy policy = set.Get("claims");
/// </code>
/// </example>
public sealed class PolicySet
{
    private readonly Dictionary<string, WorkflowPolicy> _workflows = new(StringComparer.Ordinal);

    /// <summary>Creates a set whose default policy is <paramref name="defaultPolicy"/> (an empty policy when null).</summary>
    public PolicySet(WorkflowPolicy? defaultPolicy = null) => Default = defaultPolicy ?? new WorkflowPolicy();

    /// <summary>The policy of workflows not listed.</summary>
    public WorkflowPolicy Default { get; }

    /// <summary>The workflows with their own policy.</summary>
    public IReadOnlyDictionary<string, WorkflowPolicy> Workflows => _workflows;

    /// <summary>Gives <paramref name="workflow"/> its own policy (replacing the default for it).</summary>
    public PolicySet For(string workflow, WorkflowPolicy policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow);
        ArgumentNullException.ThrowIfNull(policy);
        _workflows[workflow] = policy;
        return this;
    }

    /// <summary>The policy of <paramref name="workflow"/>, or the default.</summary>
    public WorkflowPolicy Get(string? workflow) =>
        workflow is not null && _workflows.TryGetValue(workflow, out var p) ? p : Default;
}
