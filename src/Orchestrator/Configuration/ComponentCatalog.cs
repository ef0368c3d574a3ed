namespace HybridAI.Orchestrator;

/// <summary>
/// What a workflow definition file may refer to: component factories by type name (classifiers, scorers, indexes,
/// chat clients) and the named pieces of code a file cannot hold (transforms, gates, branch choosers).
/// </summary>
/// <example>
/// <code>
/// var catalog = new ComponentCatalog()
///     .Register("naive-bayes", (options, sp) =&gt; NaiveBayes.Load(options["model"]))
///     .RegisterTransform&lt;Ticket&gt;("normalise", t =&gt; t.Text = t.Text.Trim())
///     .RegisterGate&lt;Ticket&gt;("low-confidence", t =&gt; t.Confidence &lt; 0.7, (t, d) =&gt; t.Approved = d.Approved);
/// Workflow&lt;Ticket&gt; wf = WorkflowDefinition.Load("triage.yaml").Build&lt;Ticket&gt;(catalog);
/// </code>
/// </example>
public sealed class ComponentCatalog
{
    private readonly Dictionary<string, Func<IReadOnlyDictionary<string, string>, IServiceProvider, object>> _factories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object> _code = new(StringComparer.Ordinal);

    /// <summary>Registers how to make a component of type <paramref name="typeName"/> from a step's options.</summary>
    public ComponentCatalog Register(string typeName, Func<IReadOnlyDictionary<string, string>, IServiceProvider, object> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(typeName);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[typeName] = factory;
        return this;
    }

    /// <summary>Registers a synchronous transform a file can name.</summary>
    public ComponentCatalog RegisterTransform<TState>(string name, Action<TState> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return AddCode(name, new NamedTransform<TState>(null, body));
    }

    /// <summary>Registers an asynchronous transform a file can name.</summary>
    public ComponentCatalog RegisterTransform<TState>(string name, Func<TState, CancellationToken, ValueTask> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return AddCode(name, new NamedTransform<TState>(body, null));
    }

    /// <summary>Registers a gate a file can name.</summary>
    public ComponentCatalog RegisterGate<TState>(string name, Func<TState, bool> needsReview, Action<TState, GateDecision> onDecision,
        Func<TState, string>? reason = null)
    {
        ArgumentNullException.ThrowIfNull(needsReview);
        ArgumentNullException.ThrowIfNull(onDecision);
        return AddCode(name, new NamedGate<TState>(needsReview, onDecision, reason));
    }

    /// <summary>Registers a branch chooser a file can name (returns a step name or <see cref="Workflow.End"/>).</summary>
    public ComponentCatalog RegisterBranch<TState>(string name, Func<TState, string> choose)
    {
        ArgumentNullException.ThrowIfNull(choose);
        return AddCode(name, choose);
    }

    internal bool TryCreate(string typeName, IReadOnlyDictionary<string, string> options, IServiceProvider services, out object? component)
    {
        if (!_factories.TryGetValue(typeName, out var factory))
        {
            component = null;
            return false;
        }
        component = factory(options, services);
        return true;
    }

    internal object? Code(string name) => _code.TryGetValue(name, out var code) ? code : null;

    internal string KnownComponents => _factories.Count == 0 ? "none" : string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal));

    private ComponentCatalog AddCode(string name, object code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _code[name] = code;
        return this;
    }

    internal sealed record NamedTransform<TState>(Func<TState, CancellationToken, ValueTask>? Async, Action<TState>? Sync);

    internal sealed record NamedGate<TState>(Func<TState, bool> NeedsReview, Action<TState, GateDecision> OnDecision, Func<TState, string>? Reason);
}
