using HybridAI.Abstractions.Classification;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Orchestrator.Resilience;
using HybridAI.Orchestrator.Steps;
using Microsoft.Extensions.AI;

namespace HybridAI.Orchestrator;

/// <summary>
/// Collects the steps and middleware of a workflow; <see cref="Build"/> validates them and composes the pipelines once.
/// </summary>
/// <typeparam name="TState">The state flowing through the steps.</typeparam>
public sealed class WorkflowBuilder<TState>
    where TState : class, new()
{
    private readonly string _name;
    private readonly string _version;
    private readonly List<(WorkflowStep<TState> Step, Action<StepOptions<TState>>? Configure)> _steps = [];
    private readonly List<IStepMiddleware> _stepMiddleware = [];
    private readonly List<IRunMiddleware> _runMiddleware = [];
    private TState? _sample;
    private bool _built;

    internal WorkflowBuilder(string name, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        _name = name;
        _version = version;
    }

    /// <summary>Runs a classifier on part of the state and writes its result back.</summary>
    public WorkflowBuilder<TState> Classify<TIn>(string name, IClassifier<TIn> classifier, Func<TState, TIn> input,
        Action<TState, Classification> apply, Action<StepOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(apply);
        return Add(new ClassifyStep<TState, TIn>(name, classifier, input, apply), configure);
    }

    /// <summary>Runs a scorer on part of the state and writes the score back.</summary>
    public WorkflowBuilder<TState> Score<TIn>(string name, IScorer<TIn> scorer, Func<TState, TIn> input,
        Action<TState, double> apply, Action<StepOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(apply);
        return Add(new ScoreStep<TState, TIn>(name, scorer, input, apply), configure);
    }

    /// <summary>Searches an index with a query made from the state and writes the hits back.</summary>
    public WorkflowBuilder<TState> Retrieve(string name, ISearchIndex index, Func<TState, SearchQuery> query,
        Action<TState, IReadOnlyList<SearchHit>> apply, Action<StepOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(apply);
        return Add(new RetrieveStep<TState>(name, index, query, apply), configure);
    }

    /// <summary>
    /// Searches an index for the text <paramref name="text"/> reads from the state, the way <paramref name="options"/>
    /// says (keyword, vector or hybrid; how many hits; a filter from the state), and writes the hits back.
    /// </summary>
    /// <example>
    /// <code>
    /// .Retrieve("retrieve-kb", kb, t =&gt; t.Text, (t, hits) =&gt; t.Evidence = [.. hits],
    ///     new RetrieveOptions&lt;Ticket&gt; { Mode = SearchMode.Hybrid, Top = 3 })
    /// </code>
    /// </example>
    /// <exception cref="WorkflowValidationException">The options are out of range; the message names the workflow and step.</exception>
    public WorkflowBuilder<TState> Retrieve(string name, ISearchIndex index, Func<TState, string?> text,
        Action<TState, IReadOnlyList<SearchHit>> apply, RetrieveOptions<TState> options, Action<StepOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problem() is { } problem)
        {
            throw new WorkflowValidationException($"Workflow '{_name}' step '{name}': invalid retrieve options: {problem}");
        }
        return Add(new RetrieveStep<TState>(name, index, s => options.QueryFor(s, text(s)), apply), configure);
    }

    /// <summary>
    /// Asks a chat client. Under <see cref="WorkflowRunner.RunStreamingAsync{TState}"/> it streams and forwards each
    /// text update; either way <paramref name="apply"/> receives the whole response.
    /// </summary>
    public WorkflowBuilder<TState> Generate(string name, IChatClient client, Func<TState, IList<ChatMessage>> prompt,
        Action<TState, ChatResponse> apply, ChatOptions? options = null, Action<StepOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(apply);
        return Add(new GenerateStep<TState>(name, client, prompt, apply, options), configure);
    }

    /// <summary>Invokes a tool with arguments made from the state and writes its result back.</summary>
    public WorkflowBuilder<TState> CallTool(string name, AIFunction tool, Func<TState, AIFunctionArguments> arguments,
        Action<TState, object?> apply, Action<StepOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(apply);
        return Add(new CallToolStep<TState>(name, tool, arguments, apply), configure);
    }

    /// <summary>
    /// Jumps to the step <paramref name="choose"/> names (one of <paramref name="targets"/>, forward or backward) or
    /// ends the run when it returns <see cref="Workflow.End"/>.
    /// </summary>
    public WorkflowBuilder<TState> Branch(string name, Func<TState, string> choose, params string[] targets)
    {
        ArgumentNullException.ThrowIfNull(choose);
        ArgumentNullException.ThrowIfNull(targets);
        return Add(new BranchStep<TState>(name, choose, (string[])targets.Clone()), null);
    }

    /// <summary>
    /// Suspends the run for a human when <paramref name="needsReview"/> is true (the runner checkpoints it);
    /// <c>ResumeAsync</c> later applies the decision through <paramref name="onDecision"/> and carries on.
    /// </summary>
    public WorkflowBuilder<TState> Gate(string name, Func<TState, bool> needsReview, Action<TState, GateDecision> onDecision,
        Func<TState, string>? reason = null)
    {
        ArgumentNullException.ThrowIfNull(needsReview);
        ArgumentNullException.ThrowIfNull(onDecision);
        return Add(new GateStep<TState>(name, s => needsReview(s) ? reason?.Invoke(s) ?? string.Empty : null, onDecision, null), null);
    }

    /// <summary>
    /// Asks a human when <paramref name="condition"/> gives a reason (see <see cref="GateConditions"/>): the run is
    /// checkpointed and suspends; <paramref name="configure"/> says who may decide, the deadlines, the editable fields
    /// and the summary a reviewer sees. On resume, <paramref name="onDecision"/> applies the decision.
    /// </summary>
    /// <example>
    /// <code>
    /// .Gate("human-review", GateConditions.ConfidenceBelow&lt;Ticket&gt;(t =&gt; t.Confidence, 0.7),
    ///     (t, d) =&gt; t.Route = d.Approved ? "approved" : "rejected",
    ///     gate =&gt; gate.AllowRoles("support-lead").AllowEdits("reply").EscalateTo("manager", TimeSpan.FromHours(2)))
    /// </code>
    /// </example>
    public WorkflowBuilder<TState> Gate(string name, GateCondition<TState> condition, Action<TState, GateDecision> onDecision,
        Action<GateOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(onDecision);
        GateOptions<TState>? options = null;
        if (configure is not null)
        {
            options = new GateOptions<TState>();
            configure(options);
            options.Validate(name);
        }
        return Add(new GateStep<TState>(name, condition.Evaluate, onDecision, options), null);
    }

    /// <summary>Changes the state with asynchronous code.</summary>
    public WorkflowBuilder<TState> Transform(string name, Func<TState, CancellationToken, ValueTask> body,
        Action<StepOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Add(new TransformStep<TState>(name, body), configure);
    }

    /// <summary>Changes the state with synchronous code.</summary>
    public WorkflowBuilder<TState> Transform(string name, Action<TState> body, Action<StepOptions<TState>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        return Add(new SyncTransformStep<TState>(name, body), configure);
    }

    /// <summary>Wraps every step; the first registered is the outermost.</summary>
    public WorkflowBuilder<TState> Use(IStepMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _stepMiddleware.Add(middleware);
        return this;
    }

    /// <summary>Wraps the whole run; the first registered is the outermost.</summary>
    public WorkflowBuilder<TState> UseRun(IRunMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _runMiddleware.Add(middleware);
        return this;
    }

    /// <summary>
    /// A typical state with its collections and nested objects filled in, used by <see cref="Build"/> to check the JSON
    /// round trip more thoroughly than an empty <c>new TState()</c> can.
    /// </summary>
    public WorkflowBuilder<TState> WithSampleState(TState sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        _sample = sample;
        return this;
    }

    /// <summary>
    /// Validates the workflow (at least one step, unique step names, branch targets exist, resilience options valid,
    /// state round-trips through JSON) and composes its pipelines.
    /// </summary>
    /// <exception cref="WorkflowValidationException">The message names the workflow and the step at fault.</exception>
    /// <exception cref="InvalidOperationException">This builder was already built.</exception>
    public Workflow<TState> Build()
    {
        // Steps are bound to the workflow they end up in (indexes, circuit-breaker state), so they cannot be shared.
        if (_built)
        {
            throw new InvalidOperationException($"Workflow '{_name}' {_version} was already built from this builder; start a new one with Workflow.Create.");
        }
        if (_steps.Count == 0)
        {
            throw new WorkflowValidationException($"Workflow '{_name}' {_version} has no steps.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var steps = new WorkflowStep<TState>[_steps.Count];
        for (var i = 0; i < _steps.Count; i++)
        {
            var (step, configure) = _steps[i];
            if (string.IsNullOrWhiteSpace(step.Name) || step.Name == Workflow.End)
            {
                throw new WorkflowValidationException($"Workflow '{_name}' step #{i + 1} ({step.Kind}): a step needs a name other than '{Workflow.End}'.");
            }
            if (!seen.Add(step.Name))
            {
                throw new WorkflowValidationException($"Workflow '{_name}' step '{step.Name}': another step already has this name.");
            }
            step.Resilience = null;
            step.UseBatching(null);
            if (configure is not null)
            {
                var options = new StepOptions<TState>();
                try
                {
                    configure(options);
                }
                catch (ArgumentException ex)
                {
                    throw new WorkflowValidationException($"Workflow '{_name}' step '{step.Name}': invalid step options: {ex.Message}", ex);
                }
                if (options.NeedsPipeline || options.Fallback is not null)
                {
                    step.Resilience = new StepResilience<TState>(options, _name, step.Name);
                }

                if (step.UseBatching(options.Batching) is { } whyNot)
                {
                    throw new WorkflowValidationException($"Workflow '{_name}' step '{step.Name}': {whyNot}");
                }
            }
            steps[i] = step;
        }

        var info = StateContract.TypeInfo<TState>(_name);
        StateContract.CheckRoundTrip(_name, info, new TState());
        if (_sample is not null)
        {
            StateContract.CheckRoundTrip(_name, info, _sample);
        }
        var hash = SchemaHashes<TState>.Value;
        _built = true;
        return new Workflow<TState>(_name, _version, steps, hash, info, [.. _stepMiddleware], [.. _runMiddleware]);
    }

    private WorkflowBuilder<TState> Add(WorkflowStep<TState> step, Action<StepOptions<TState>>? configure)
    {
        _steps.Add((step, configure));
        return this;
    }

    // The schema of a type never changes within a process: compute it once per type.
    private static class SchemaHashes<T>
    {
        public static readonly string Value = StateContract.SchemaHash<T>();
    }
}
