using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using HybridAI.Abstractions.Classification;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Orchestrator.Running;
using Microsoft.Extensions.AI;

namespace HybridAI.Orchestrator;

public sealed partial class WorkflowDefinition
{
    private static readonly HashSet<string> EngineOptions = new(StringComparer.Ordinal) { "timeout", "retry", "retry-delay" };

    // Read by the engine on retrieve steps only, so a classifier or chat client may still take a "mode" of its own.
    private static readonly HashSet<string> RetrieveOptions = new(StringComparer.Ordinal) { "top", "mode" };

    /// <summary>
    /// Builds the same <see cref="Workflow{TState}"/> the code builder would, binding <c>input</c>/<c>output</c> to
    /// properties of <typeparamref name="TState"/> with compiled expressions.
    /// </summary>
    /// <exception cref="WorkflowValidationException">
    /// Unknown kind, component or property, or a type that does not fit; the message names file, line, step and field.
    /// </exception>
    public Workflow<TState> Build<TState>(ComponentCatalog catalog, IServiceProvider? services = null)
        where TState : class, new()
    {
        ArgumentNullException.ThrowIfNull(catalog);
        services ??= EmptyServiceProvider.Instance;
        var builder = Workflow.Create<TState>(Name, Version);
        foreach (var step in Steps)
        {
            var configure = ResilienceOf<TState>(step);
            switch (step.Kind.ToUpperInvariant())
            {
                case "CLASSIFY": AddClassify(builder, step, Component(catalog, step, services), configure); break;
                case "SCORE": AddScore(builder, step, Component(catalog, step, services), configure); break;
                case "RETRIEVE": AddRetrieve(builder, step, Component(catalog, step, services), configure); break;
                case "GENERATE": AddGenerate(builder, step, Component(catalog, step, services), configure); break;
                case "TRANSFORM": AddTransform(builder, step, catalog, configure); break;
                case "GATE": AddGate(builder, step, catalog); break;
                case "BRANCH": AddBranch(builder, step, catalog); break;
                default:
                    throw new WorkflowValidationException(
                        $"{Where(step, "kind")}: unknown kind '{step.Kind}' (expected classify, score, retrieve, generate, transform, gate or branch).");
            }
        }
        try
        {
            return builder.Build();
        }
        catch (WorkflowValidationException ex)
        {
            throw new WorkflowValidationException($"{Source}: {ex.Message}", ex);
        }
    }

    private object Component(ComponentCatalog catalog, StepDefinition step, IServiceProvider services)
    {
        if (string.IsNullOrWhiteSpace(step.Component))
        {
            throw new WorkflowValidationException($"{Where(step, "component")}: a {step.Kind} step needs a component.");
        }
        var componentOptions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in step.Options)
        {
            var isRetrieve = string.Equals(step.Kind, "retrieve", StringComparison.OrdinalIgnoreCase);
            if (!EngineOptions.Contains(key) && !(isRetrieve && RetrieveOptions.Contains(key)))
            {
                componentOptions[key] = value;
            }
        }
        object? component;
        try
        {
            if (!catalog.TryCreate(step.Component, componentOptions, services, out component))
            {
                throw new WorkflowValidationException(
                    $"{Where(step, "component")}: unknown component '{step.Component}' (registered: {catalog.KnownComponents}).");
            }
        }
        catch (Exception ex) when (ex is not WorkflowValidationException)
        {
            throw new WorkflowValidationException($"{Where(step, "component")}: component '{step.Component}' could not be created ({ex.GetType().Name}).", ex);
        }
        return component ?? throw new WorkflowValidationException($"{Where(step, "component")}: the factory of '{step.Component}' returned null.");
    }

    private PropertyInfo Property<TState>(StepDefinition step, string field, string? name, bool write)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new WorkflowValidationException($"{Where(step, field)}: a {step.Kind} step needs '{field}' (a property of {typeof(TState).Name}).");
        }
        var property = PropertyBinding.Find(typeof(TState), name)
            ?? throw new WorkflowValidationException($"{Where(step, field)}: {typeof(TState).Name} has no public property '{name}'.");
        if (write ? property.SetMethod is not { IsPublic: true } : property.GetMethod is not { IsPublic: true })
        {
            throw new WorkflowValidationException(
                $"{Where(step, field)}: property {typeof(TState).Name}.{property.Name} must have a public {(write ? "setter" : "getter")}.");
        }
        return property;
    }

    private void AddClassify<TState>(WorkflowBuilder<TState> builder, StepDefinition step, object component, Action<StepOptions<TState>>? configure)
        where TState : class, new()
    {
        var input = Property<TState>(step, "input", step.Input, write: false);
        var output = Property<TState>(step, "output", step.Output, write: true);
        var inputType = InputTypeOf(step, component, typeof(IClassifier<>), "a classifier", input);
        Action<TState, Classification> apply;
        if (output.PropertyType.IsAssignableFrom(typeof(Classification)))
        {
            apply = PropertyBinding.Setter<TState, Classification>(output);
        }
        else if (output.PropertyType == typeof(string))
        {
            apply = PropertyBinding.Setter<TState, Classification>(output, c => Expression.Property(c, nameof(Classification.Label)));
        }
        else
        {
            throw new WorkflowValidationException(
                $"{Where(step, "output")}: property {typeof(TState).Name}.{output.Name} is {output.PropertyType.Name}; a classify step writes a Classification or its label (string).");
        }
        Invoke(nameof(AddClassifyTyped), [typeof(TState), inputType], builder, step.Name, component, input, apply, configure);
    }

    private void AddScore<TState>(WorkflowBuilder<TState> builder, StepDefinition step, object component, Action<StepOptions<TState>>? configure)
        where TState : class, new()
    {
        var input = Property<TState>(step, "input", step.Input, write: false);
        var output = Property<TState>(step, "output", step.Output, write: true);
        var inputType = InputTypeOf(step, component, typeof(IScorer<>), "a scorer", input);
        if (!output.PropertyType.IsAssignableFrom(typeof(double)))
        {
            throw new WorkflowValidationException(
                $"{Where(step, "output")}: property {typeof(TState).Name}.{output.Name} is {output.PropertyType.Name}; a score step writes a double.");
        }
        var apply = PropertyBinding.Setter<TState, double>(output);
        Invoke(nameof(AddScoreTyped), [typeof(TState), inputType], builder, step.Name, component, input, apply, configure);
    }

    private void AddRetrieve<TState>(WorkflowBuilder<TState> builder, StepDefinition step, object component, Action<StepOptions<TState>>? configure)
        where TState : class, new()
    {
        if (component is not ISearchIndex index)
        {
            throw new WorkflowValidationException($"{Where(step, "component")}: component '{step.Component}' is a {component.GetType().Name}, not an ISearchIndex.");
        }
        var input = Property<TState>(step, "input", step.Input, write: false);
        var output = Property<TState>(step, "output", step.Output, write: true);
        if (input.PropertyType != typeof(string))
        {
            throw new WorkflowValidationException(
                $"{Where(step, "input")}: property {typeof(TState).Name}.{input.Name} is {input.PropertyType.Name}; a retrieve step reads the query text (string).");
        }
        if (!output.PropertyType.IsAssignableFrom(typeof(IReadOnlyList<SearchHit>)))
        {
            throw new WorkflowValidationException(
                $"{Where(step, "output")}: property {typeof(TState).Name}.{output.Name} is {output.PropertyType.Name}; a retrieve step writes an IReadOnlyList<SearchHit>.");
        }
        var top = 5;
        if (step.Options.TryGetValue("top", out var topText) && (!int.TryParse(topText, NumberStyles.Integer, CultureInfo.InvariantCulture, out top) || top < 1))
        {
            throw new WorkflowValidationException($"{Where(step, "options.top")}: '{topText}' is not a positive whole number.");
        }
        var mode = SearchMode.Keyword;
        if (step.Options.TryGetValue("mode", out var modeText) && !TryParseMode(modeText, out mode))
        {
            throw new WorkflowValidationException($"{Where(step, "options.mode")}: '{modeText}' is not a search mode (expected keyword, vector or hybrid).");
        }
        var text = PropertyBinding.Getter<TState, string>(input);
        var apply = PropertyBinding.Setter<TState, IReadOnlyList<SearchHit>>(output);
        builder.Retrieve(step.Name, index, text, apply, new RetrieveOptions<TState> { Mode = mode, Top = top }, configure);
    }

    private void AddGenerate<TState>(WorkflowBuilder<TState> builder, StepDefinition step, object component, Action<StepOptions<TState>>? configure)
        where TState : class, new()
    {
        if (component is not IChatClient client)
        {
            throw new WorkflowValidationException($"{Where(step, "component")}: component '{step.Component}' is a {component.GetType().Name}, not an IChatClient.");
        }
        var input = Property<TState>(step, "input", step.Input, write: false);
        var output = Property<TState>(step, "output", step.Output, write: true);
        if (input.PropertyType != typeof(string) || output.PropertyType != typeof(string))
        {
            var bad = input.PropertyType != typeof(string) ? ("input", input) : ("output", output);
            throw new WorkflowValidationException(
                $"{Where(step, bad.Item1)}: property {typeof(TState).Name}.{bad.Item2.Name} is {bad.Item2.PropertyType.Name}; a configured generate step reads the prompt and writes the reply as strings.");
        }
        var prompt = PropertyBinding.Getter<TState, string>(input);
        var write = PropertyBinding.Setter<TState, string>(output);
        builder.Generate(step.Name, client, s => [new ChatMessage(ChatRole.User, prompt(s))], (s, r) => write(s, r.Text), null, configure);
    }

    private void AddTransform<TState>(WorkflowBuilder<TState> builder, StepDefinition step, ComponentCatalog catalog, Action<StepOptions<TState>>? configure)
        where TState : class, new()
    {
        switch (NamedCode(catalog, step))
        {
            case ComponentCatalog.NamedTransform<TState> { Async: { } body }: builder.Transform(step.Name, body, configure); break;
            case ComponentCatalog.NamedTransform<TState> { Sync: { } body }: builder.Transform(step.Name, body, configure); break;
            default: throw NotA(step, "transform", typeof(TState));
        }
    }

    private void AddGate<TState>(WorkflowBuilder<TState> builder, StepDefinition step, ComponentCatalog catalog)
        where TState : class, new()
    {
        if (NamedCode(catalog, step) is not ComponentCatalog.NamedGate<TState> gate)
        {
            throw NotA(step, "gate", typeof(TState));
        }
        builder.Gate(step.Name, gate.NeedsReview, gate.OnDecision, gate.Reason);
    }

    private void AddBranch<TState>(WorkflowBuilder<TState> builder, StepDefinition step, ComponentCatalog catalog)
        where TState : class, new()
    {
        if (NamedCode(catalog, step) is not Func<TState, string> choose)
        {
            throw NotA(step, "branch chooser", typeof(TState));
        }
        if (step.Targets.Count == 0)
        {
            throw new WorkflowValidationException($"{Where(step, "targets")}: a branch step needs at least one target.");
        }
        builder.Branch(step.Name, choose, [.. step.Targets]);
    }

    private object NamedCode(ComponentCatalog catalog, StepDefinition step)
        => string.IsNullOrWhiteSpace(step.Component)
            ? throw new WorkflowValidationException($"{Where(step, "component")}: a {step.Kind} step names code registered in the catalog.")
            : catalog.Code(step.Component)
              ?? throw new WorkflowValidationException($"{Where(step, "component")}: no {step.Kind} named '{step.Component}' is registered in the catalog.");

    private WorkflowValidationException NotA(StepDefinition step, string what, Type stateType)
        => new($"{Where(step, "component")}: '{step.Component}' is not a {what} registered for {stateType.Name}.");

    private Type InputTypeOf(StepDefinition step, object component, Type openInterface, string what, PropertyInfo input)
    {
        Type? anyInput = null;
        foreach (var candidate in component.GetType().GetInterfaces())
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == openInterface)
            {
                var inputType = candidate.GetGenericArguments()[0];
                if (inputType.IsAssignableFrom(input.PropertyType))
                {
                    return inputType;
                }
                anyInput ??= inputType;
            }
        }
        throw anyInput is null
            ? new WorkflowValidationException($"{Where(step, "component")}: component '{step.Component}' is a {component.GetType().Name}, not {what}.")
            : new WorkflowValidationException(
                $"{Where(step, "input")}: {what} '{step.Component}' reads {anyInput.Name} but property {input.DeclaringType?.Name}.{input.Name} is {input.PropertyType.Name}.");
    }

    private Action<StepOptions<TState>>? ResilienceOf<TState>(StepDefinition step)
    {
        TimeSpan? timeout = null, delay = null;
        var attempts = 0;
        if (step.Options.TryGetValue("timeout", out var t))
        {
            timeout = Duration(step, "options.timeout", t);
        }
        if (step.Options.TryGetValue("retry", out var r)
            && (!int.TryParse(r, NumberStyles.Integer, CultureInfo.InvariantCulture, out attempts) || attempts < 1))
        {
            throw new WorkflowValidationException($"{Where(step, "options.retry")}: '{r}' is not a positive number of attempts.");
        }
        if (step.Options.TryGetValue("retry-delay", out var d))
        {
            delay = Duration(step, "options.retry-delay", d);
        }
        if (timeout is null && attempts == 0)
        {
            return null;
        }
        return options =>
        {
            if (timeout is { } value)
            {
                options.WithTimeout(value);
            }
            if (attempts > 1)
            {
                options.WithRetry(attempts, delay ?? TimeSpan.FromMilliseconds(200));
            }
        };
    }

    private TimeSpan Duration(StepDefinition step, string field, string text)
        => TryParseDuration(text, out var value) && value > TimeSpan.Zero
            ? value
            : throw new WorkflowValidationException($"{Where(step, field)}: '{text}' is not a duration (e.g. 500ms, 2s, 00:00:05).");

    private static bool TryParseDuration(string text, out TimeSpan value)
    {
        var span = text.AsSpan().Trim();
        double number;
        if (span.EndsWith("ms", StringComparison.Ordinal))
        {
            var ok = double.TryParse(span[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            value = ok ? TimeSpan.FromMilliseconds(number) : default;
            return ok;
        }
        if (span.EndsWith("s", StringComparison.Ordinal))
        {
            var ok = double.TryParse(span[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out number);
            value = ok ? TimeSpan.FromSeconds(number) : default;
            return ok;
        }
        return TimeSpan.TryParse(span, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseMode(string text, out SearchMode mode)
    {
        // Names only: Enum.TryParse would also take "2" or "keyword,vector".
        switch (text.Trim().ToUpperInvariant())
        {
            case "KEYWORD": mode = SearchMode.Keyword; return true;
            case "VECTOR": mode = SearchMode.Vector; return true;
            case "HYBRID": mode = SearchMode.Hybrid; return true;
            default: mode = default; return false;
        }
    }

    private static void Invoke(string method, Type[] typeArguments, params object?[] arguments)
    {
        var generic = typeof(WorkflowDefinition).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(typeArguments);
        try
        {
            generic.Invoke(null, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
        }
    }

    private static void AddClassifyTyped<TState, TIn>(WorkflowBuilder<TState> builder, string name, object classifier, PropertyInfo input,
        Action<TState, Classification> apply, Action<StepOptions<TState>>? configure)
        where TState : class, new()
        => builder.Classify(name, (IClassifier<TIn>)classifier, PropertyBinding.Getter<TState, TIn>(input), apply, configure);

    private static void AddScoreTyped<TState, TIn>(WorkflowBuilder<TState> builder, string name, object scorer, PropertyInfo input,
        Action<TState, double> apply, Action<StepOptions<TState>>? configure)
        where TState : class, new()
        => builder.Score(name, (IScorer<TIn>)scorer, PropertyBinding.Getter<TState, TIn>(input), apply, configure);
}
