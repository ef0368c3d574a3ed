using HybridAI.Orchestrator;

namespace HybridAI.Governance.Policies;

/// <summary>
/// Applies a <see cref="PolicySet"/> around the steps of a workflow: the input before each generate step, the
/// retrieved passages after each retrieve step, the output after each generate step. <see cref="PolicyAction.Block"/>
/// fails the step with a <see cref="PolicyViolationException"/>; <see cref="PolicyAction.Redact"/> rewrites the text
/// in the state; <see cref="PolicyAction.RouteToReview"/> records the violation in the state
/// (<see cref="IPolicyReviewState"/>) so a following gate suspends the run for a human. Every violation is also kept in
/// <see cref="RunContext.Items"/> under <see cref="PolicyMiddleware.ViolationsKey"/> (read them with <see cref="PolicyMiddleware.GetViolations"/>). States of other types pass through untouched.
/// </summary>
/// <typeparam name="TState">The workflow's state.</typeparam>
/// <example>
/// <code>
/// var policies = new PolicySet(new WorkflowPolicy()
///     .Add(PolicyRules.PromptInjection(), PolicyAction.RouteToReview, PolicyLocation.Input, PolicyLocation.RetrievedContent)
///     .Add(PolicyRules.Pii(PiiDetector.CreateDefault()), PolicyAction.Redact, PolicyLocation.Output));
/// var middleware = new PolicyMiddleware&lt;Ticket&gt;(policies, new PolicyTargets&lt;Ticket&gt;
/// {
///     GetInput = t =&gt; t.Question, SetInput = (t, v) =&gt; t.Question = v,
///     Retrieved = t =&gt; t.Passages,
///     GetOutput = t =&gt; t.Reply, SetOutput = (t, v) =&gt; t.Reply = v,
/// });
/// // register as step middleware, then after the retrieve and generate steps:
/// // .Gate("policy-review", t =&gt; t.PolicyViolations.Count &gt; 0, (t, d) =&gt; t.Approved = d.Approved)
/// </code>
/// </example>
public sealed class PolicyMiddleware<TState> : IStepMiddleware
    where TState : class
{
    private readonly PolicySet _policies;
    private readonly PolicyTargets<TState> _targets;

    /// <summary>Creates the middleware.</summary>
    public PolicyMiddleware(PolicySet policies, PolicyTargets<TState> targets)
    {
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(targets);
        _policies = policies;
        _targets = targets;
    }

    /// <inheritdoc />
    public async ValueTask InvokeAsync(StepContext context, StepDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.State is not TState state || context.Kind is not (StepKind.Generate or StepKind.Retrieve))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var policy = _policies.Get(context.Run.WorkflowName);
        if (context.Kind == StepKind.Generate && _targets.GetInput?.Invoke(state) is { } input)
        {
            var checkedInput = Record(context, state, policy.Check(input, PolicyLocation.Input));
            if (!ReferenceEquals(checkedInput.Text, input))
                _targets.SetInput?.Invoke(state, checkedInput.Text);
        }

        await next(context).ConfigureAwait(false);

        state = (TState)context.State;
        if (context.Kind == StepKind.Retrieve && _targets.Retrieved?.Invoke(state) is { } passages)
        {
            for (var i = 0; i < passages.Count; i++)
            {
                var passage = passages[i];
                if (passage is null)
                    continue;
                var result = Record(context, state, policy.Check(passage, PolicyLocation.RetrievedContent, i));
                if (!ReferenceEquals(result.Text, passage))
                    passages[i] = result.Text;
            }
        }
        else if (context.Kind == StepKind.Generate && _targets.GetOutput?.Invoke(state) is { } output)
        {
            var result = Record(context, state, policy.Check(output, PolicyLocation.Output));
            if (!ReferenceEquals(result.Text, output))
                _targets.SetOutput?.Invoke(state, result.Text);
        }
    }

    private static PolicyCheckResult Record(StepContext context, TState state, PolicyCheckResult result)
    {
        if (result.Violations.Count == 0)
            return result;
        if (!context.Run.Items.TryGetValue(PolicyMiddleware.ViolationsKey, out var v) || v is not List<PolicyViolation> all)
            context.Run.Items[PolicyMiddleware.ViolationsKey] = all = [];
        all.AddRange(result.Violations);
        if (state is IPolicyReviewState review)
        {
            foreach (var violation in result.Violations)
            {
                if (violation.Action == PolicyAction.RouteToReview)
                    review.PolicyViolations.Add(violation);
            }
        }
        // The outcome is what audit records: rule names and counts only.
        context.Outcome = string.Join(' ', new[] { context.Outcome, $"policy={string.Join(',', result.Violations.Select(x => x.Rule).Distinct())}" }.Where(s => s is not null));
        return result.ThrowIfBlocked();
    }
}

/// <summary>What <see cref="PolicyMiddleware{TState}"/> leaves in a run.</summary>
public static class PolicyMiddleware
{
    /// <summary>The key of the run's <c>List&lt;PolicyViolation&gt;</c> in <see cref="RunContext.Items"/>.</summary>
    public const string ViolationsKey = "hybridai.policy.violations";

    /// <summary>The violations recorded for a run so far (empty when none).</summary>
    public static IReadOnlyList<PolicyViolation> GetViolations(RunContext run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Items.TryGetValue(ViolationsKey, out var v) && v is List<PolicyViolation> list ? list : [];
    }
}
