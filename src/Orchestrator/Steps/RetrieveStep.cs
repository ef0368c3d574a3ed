using System.Globalization;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Orchestrator.Running;

namespace HybridAI.Orchestrator.Steps;

internal sealed class RetrieveStep<TState>(string name, ISearchIndex index, Func<TState, SearchQuery> query, Action<TState, IReadOnlyList<SearchHit>> apply)
    : WorkflowStep<TState>(name, StepKind.Retrieve)
    where TState : class, new()
{
    public override async ValueTask ExecuteAsync(StepScope<TState> scope, CancellationToken cancellationToken)
    {
        var state = scope.RunScope.TypedState;
        var hits = await index.SearchAsync(query(state), cancellationToken).ConfigureAwait(false);
        apply(state, hits);
        scope.Outcome = string.Create(CultureInfo.InvariantCulture, $"hits={hits.Count}");
    }
}
