namespace HybridAI.Orchestrator;

/// <summary>The workflows an application knows, by name and version. Thread-safe.</summary>
/// <example>
/// <code>
/// var registry = new WorkflowRegistry();
/// registry.Add(triageV1);
/// registry.Add(triageV2);
/// Workflow&lt;Ticket&gt; latest = registry.Get&lt;Ticket&gt;("ticket-triage");      // 2.0
/// Workflow&lt;Ticket&gt; pinned = registry.Get&lt;Ticket&gt;("ticket-triage", "1.0");
/// </code>
/// </example>
public sealed class WorkflowRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(string Version, object Workflow, Type StateType)>> _byName = new(StringComparer.Ordinal);

    /// <summary>Adds a workflow; its name and version must not be registered yet.</summary>
    public WorkflowRegistry Add<TState>(Workflow<TState> workflow)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(workflow);
        lock (_gate)
        {
            if (!_byName.TryGetValue(workflow.Name, out var versions))
            {
                _byName[workflow.Name] = versions = [];
            }
            foreach (var v in versions)
            {
                if (v.Version == workflow.Version)
                {
                    throw new InvalidOperationException($"Workflow '{workflow.Name}' {workflow.Version} is already registered.");
                }
            }
            versions.Add((workflow.Version, workflow, typeof(TState)));
        }
        return this;
    }

    /// <summary>The workflow <paramref name="name"/> at <paramref name="version"/>, or its highest version when null.</summary>
    /// <exception cref="KeyNotFoundException">No such workflow or version.</exception>
    /// <exception cref="InvalidOperationException">The workflow's state is not <typeparamref name="TState"/>.</exception>
    public Workflow<TState> Get<TState>(string name, string? version = null)
        where TState : class, new()
        => TryGet<TState>(name, version, out var workflow)
            ? workflow
            : throw new KeyNotFoundException(version is null
                ? $"No workflow '{name}' is registered."
                : $"Workflow '{name}' has no version {version} registered.");

    /// <summary>Like <see cref="Get{TState}"/> but returns false instead of throwing when absent.</summary>
    public bool TryGet<TState>(string name, string? version, out Workflow<TState> workflow)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            workflow = null!;
            if (!_byName.TryGetValue(name, out var versions) || versions.Count == 0)
            {
                return false;
            }
            (string Version, object Workflow, Type StateType)? found = null;
            foreach (var v in versions)
            {
                if (version is null ? found is null || VersionOrder.Compare(v.Version, found.Value.Version) > 0 : v.Version == version)
                {
                    found = v;
                }
            }
            if (found is null)
            {
                return false;
            }
            workflow = found.Value.Workflow as Workflow<TState>
                ?? throw new InvalidOperationException(
                    $"Workflow '{name}' {found.Value.Version} runs on {found.Value.StateType.Name}, not {typeof(TState).Name}.");
            return true;
        }
    }

    /// <summary>Every registered workflow, by name then version.</summary>
    public IReadOnlyList<WorkflowInfo> List()
    {
        var list = new List<WorkflowInfo>();
        lock (_gate)
        {
            foreach (var (name, versions) in _byName)
            {
                foreach (var v in versions)
                {
                    list.Add(new WorkflowInfo(name, v.Version, v.StateType));
                }
            }
        }
        list.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : VersionOrder.Compare(a.Version, b.Version);
        });
        return list;
    }
}

/// <summary>A registered workflow.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Version">Its version.</param>
/// <param name="StateType">The type of its state.</param>
public sealed record WorkflowInfo(string Name, string Version, Type StateType);

/// <summary>Orders versions numerically when both parse as <see cref="Version"/> (1.10 after 1.9), else ordinally.</summary>
internal static class VersionOrder
{
    public static int Compare(string a, string b)
        => Version.TryParse(a, out var va) && Version.TryParse(b, out var vb)
            ? va.CompareTo(vb)
            : string.CompareOrdinal(a, b);
}
