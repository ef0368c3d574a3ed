namespace HybridAI.Orchestrator;

/// <summary>
/// When a gate asks for a human, and why: <see cref="Evaluate"/> returns a reason (which never quotes the state's
/// text, only numbers, labels and names) or null when no review is needed. Combine conditions with <see cref="Or"/>
/// (<c>|</c>) and <see cref="And"/> (<c>&amp;</c>); <see cref="GateConditions"/> has the usual ones and makes your own (<see cref="GateConditions.When"/>).
/// </summary>
/// <example>
/// <code>
/// var needsReview = GateConditions.ConfidenceBelow&lt;Ticket&gt;(t =&gt; t.Confidence, 0.7)
///     | GateConditions.CategoryIn&lt;Ticket&gt;(t =&gt; t.Category, "legal", "security");
/// string? reason = needsReview.Evaluate(ticket);   // e.g. "confidence 0.41 &lt; 0.70"
/// </code>
/// </example>
/// <typeparam name="TState">The workflow's state type.</typeparam>
public sealed class GateCondition<TState>
{
    private readonly Func<TState, string?> _evaluate;

    internal GateCondition(Func<TState, string?> evaluate) => _evaluate = evaluate;

    /// <summary>The reason a human must decide, or null when this state needs no review.</summary>
    public string? Evaluate(TState state) => _evaluate(state);

    /// <summary>Review when any of the conditions holds; the reason lists every one that holds, joined by <c>"; "</c>.</summary>
    public GateCondition<TState> Or(GateCondition<TState> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var first = _evaluate;
        var second = other._evaluate;
        return new GateCondition<TState>(s =>
        {
            var a = first(s);
            var b = second(s);
            return a is null ? b : b is null ? a : a + "; " + b;
        });
    }

    /// <summary>Review only when both conditions hold; the reason joins both.</summary>
    public GateCondition<TState> And(GateCondition<TState> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var first = _evaluate;
        var second = other._evaluate;
        return new GateCondition<TState>(s => first(s) is { } a && second(s) is { } b ? a + " and " + b : null);
    }

    /// <summary>Same as <see cref="Or"/>.</summary>
    public static GateCondition<TState> operator |(GateCondition<TState> left, GateCondition<TState> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.Or(right);
    }

    /// <summary>Same as <see cref="And"/>.</summary>
    public static GateCondition<TState> operator &(GateCondition<TState> left, GateCondition<TState> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        return left.And(right);
    }
}
