using System.Globalization;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

/// <summary>Searches an index; the outcome and the span say which mode was asked for and how many hits came back.</summary>
internal sealed class RetrieveStep<TState>(string name, ISearchIndex index, Func<TState, SearchQuery> query, Action<TState, IReadOnlyList<SearchHit>> apply)
    : WorkflowStep<TState>(name, StepKind.Retrieve)
    where TState : class, new()
{
    public override async ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var state = scope.RunScope.TypedState;
        var request = query(state) ?? throw new InvalidOperationException($"The query factory of retrieve step '{Name}' returned null.");
        var hits = await index.SearchAsync(request, cancellationToken).ConfigureAwait(false);
        apply(state, hits);
        var mode = ModeName(request.Mode);
        if (scope.Activity is { } activity)
        {
            activity.SetTag(TelemetryNames.RetrievalMode, mode);
            activity.SetTag(TelemetryNames.RetrievalTop, request.Top);
            activity.SetTag(TelemetryNames.RetrievalHits, hits.Count);
        }
        // The mode and a count only: the query text is the user's and may carry personal data.
        scope.Outcome = string.Create(CultureInfo.InvariantCulture, $"mode={mode} hits={hits.Count}");
    }

    /// <summary>Lower-case names without a per-call ToString.</summary>
    internal static string ModeName(SearchMode mode) => mode switch
    {
        SearchMode.Keyword => "keyword",
        SearchMode.Vector => "vector",
        SearchMode.Hybrid => "hybrid",
        _ => "unknown",
    };
}
