namespace HybridAI.Governance.Policies;

/// <summary>Where, in a workflow's state, <see cref="PolicyMiddleware{TState}"/> finds the texts to check.</summary>
/// <typeparam name="TState">The workflow's state.</typeparam>
public sealed class PolicyTargets<TState>
    where TState : class
{
    /// <summary>Reads the user's input, checked before each generate step.</summary>
    public Func<TState, string?>? GetInput { get; init; }

    /// <summary>Writes the redacted input back (redaction of input is skipped when null).</summary>
    public Action<TState, string>? SetInput { get; init; }

    /// <summary>The retrieved passages, checked after each retrieve step; redacted in place.</summary>
    public Func<TState, IList<string>?>? Retrieved { get; init; }

    /// <summary>Reads the generated output, checked after each generate step.</summary>
    public Func<TState, string?>? GetOutput { get; init; }

    /// <summary>Writes the redacted and labelled output back (redaction and label are skipped when null).</summary>
    public Action<TState, string>? SetOutput { get; init; }
}
