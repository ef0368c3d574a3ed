using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Orchestrator;

/// <summary>
/// How a retrieve step searches when the workflow gives it the query text only: the search mode (keyword, vector or
/// hybrid), how many hits, a metadata filter taken from the state, and optional MMR diversification. Checked when the
/// step is added, so a bad value fails at build time, naming the step.
/// </summary>
/// <example>
/// <code>
/// .Retrieve("kb", index, t =&gt; t.Text, (t, hits) =&gt; t.Evidence = [.. hits], new RetrieveOptions&lt;Ticket&gt;
/// {
///     Mode = SearchMode.Hybrid,          // BM25 and embeddings fused; the index needs an embedding generator
///     Top = 3,
///     Filter = t =&gt; new Dictionary&lt;string, string&gt; { ["language"] = t.Language },
/// })
/// </code>
/// </example>
/// <typeparam name="TState">The workflow's state type.</typeparam>
public sealed record RetrieveOptions<TState>
{
    /// <summary>Keyword (BM25), vector, or both fused. Default <see cref="SearchMode.Keyword"/>, which every index supports.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Keyword;

    /// <summary>How many hits to return at most. Default 5.</summary>
    public int Top { get; init; } = 5;

    /// <summary>Metadata key/value pairs every hit must have, read from the state at each run; null or an empty result: no filter.</summary>
    public Func<TState, IReadOnlyDictionary<string, string>?>? Filter { get; init; }

    /// <summary>Maximal-marginal-relevance λ in [0, 1] (see <see cref="SearchQuery.MmrLambda"/>); null (the default) turns it off.</summary>
    public double? MmrLambda { get; init; }

    /// <summary>Why these options cannot be used, or null when they can.</summary>
    internal string? Problem()
    {
        if (!Enum.IsDefined(Mode))
        {
            return $"Mode {(int)Mode} is not a SearchMode.";
        }
        if (Top < 1)
        {
            return $"Top must be at least 1 (was {Top}).";
        }
        return MmrLambda is double lambda && !(lambda >= 0 && lambda <= 1)
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"MmrLambda must lie in [0, 1] (was {lambda}).")
            : null;
    }

    internal SearchQuery QueryFor(TState state, string? text)
    {
        var filter = Filter?.Invoke(state);
        return new SearchQuery(text ?? string.Empty)
        {
            Mode = Mode,
            Top = Top,
            Filter = filter is { Count: > 0 } ? filter : null,
            MmrLambda = MmrLambda,
        };
    }
}
