using Xunit.Abstractions;

namespace HybridAI.Native.OnnxRuntime.Tests.Conformance;

/// <summary>
/// All 932 ONNX 1.12 node tests (Debian's libonnx-testdata) run through the binding against ONNX Runtime, compared
/// with the ONNX backend-test tolerances. One row per test: those ORT runs must match; those ORT refuses at session
/// creation (the only accepted reason not to run) show the refusal; the known deviations must still deviate.
/// </summary>
public sealed class NodeConformanceTests(ITestOutputHelper output)
{
    private const string Unavailable = "(node tests unavailable)";

    public static TheoryData<string> RunnableTests => Rows(o => o.Status != NodeTestStatus.RejectedBySession && !KnownOrtDeviations.All.ContainsKey(o.Name));

    public static TheoryData<string> RejectedTests => Rows(o => o.Status == NodeTestStatus.RejectedBySession);

    public static TheoryData<string> DeviatingTests
    {
        get
        {
            var rows = new TheoryData<string>();
            foreach (var name in KnownOrtDeviations.All.Keys.Order(StringComparer.Ordinal))
            {
                rows.Add(name);
            }

            return rows;
        }
    }

    [NodeTestTheory]
    [MemberData(nameof(RunnableTests))]
    public void Node_test_matches_the_expected_outputs(string name)
    {
        var outcome = Outcome(name);
        Assert.True(outcome.Status == NodeTestStatus.Passed, $"{name}: {outcome.Detail}");
    }

    /// <summary>Stands in for a skip (xunit 2 cannot skip single data rows): records ORT's refusal and checks it still refuses.</summary>
    [NodeTestTheory]
    [MemberData(nameof(RejectedTests))]
    public void Node_test_ORT_rejects_at_session_creation_is_not_run(string name)
    {
        var outcome = Outcome(name);
        output.WriteLine($"skipped: ORT refused the model at session creation: {outcome.Detail}");
        Assert.Equal(NodeTestStatus.RejectedBySession, outcome.Status);
        Assert.False(KnownOrtDeviations.All.ContainsKey(name), $"{name} is refused by ORT, so it is no known output deviation.");
    }

    [NodeTestTheory]
    [MemberData(nameof(DeviatingTests))]
    public void Known_ORT_deviation_still_deviates_as_documented(string name)
    {
        var outcome = Outcome(name);
        var (why, symptom) = KnownOrtDeviations.All[name];
        output.WriteLine($"known ORT deviation: {why}");
        Assert.True(outcome.Status == NodeTestStatus.Failed, $"{name} no longer deviates ({outcome.Status}): remove it from KnownOrtDeviations. {outcome.Detail}");
        Assert.Contains(symptom, outcome.Detail, StringComparison.Ordinal);
    }

    [NodeTestTheory]
    [InlineData(932)]
    public void Summary_every_node_test_runs_or_is_refused_by_ORT(int expectedTests)
    {
        var outcomes = NodeTestResults.All.Values.ToList();
        var rejected = outcomes.Where(o => o.Status == NodeTestStatus.RejectedBySession).ToList();
        var ran = outcomes.Count - rejected.Count;
        var passed = outcomes.Count(o => o.Status == NodeTestStatus.Passed);
        var deviating = outcomes.Count(o => o.Status == NodeTestStatus.Failed && KnownOrtDeviations.All.ContainsKey(o.Name));
        var failed = outcomes.Where(o => o.Status == NodeTestStatus.Failed && !KnownOrtDeviations.All.ContainsKey(o.Name)).ToList();
        var reasons = rejected
            .GroupBy(o => ReasonOf(o.Detail), StringComparer.Ordinal)
            .Select(g => $"{g.Count()}x {g.Key} [{string.Join(", ", g.Select(o => o.Name))}]");
        output.WriteLine($"node tests: run {ran}, passed {passed}, skipped {rejected.Count} (ORT refused at session creation), known ORT deviations {deviating}, failed {failed.Count}");
        foreach (var reason in reasons)
        {
            output.WriteLine($"  skipped: {reason}");
        }

        Assert.Equal(expectedTests, outcomes.Count);
        Assert.True(failed.Count == 0, "Failed node tests:\n" + string.Join("\n", failed.Select(o => $"{o.Name}: {o.Detail}")));
        Assert.Equal(KnownOrtDeviations.All.Count, deviating);
    }

    private static NodeTestOutcome Outcome(string name)
    {
        Assert.NotEqual(Unavailable, name);
        return NodeTestResults.All[name];
    }

    /// <summary>ORT's message without the model's path, so tests failing for one reason group together.</summary>
    private static string ReasonOf(string message)
    {
        var text = message;
        var failed = text.IndexOf("failed:", StringComparison.Ordinal);
        if (failed >= 0)
        {
            text = text[(failed + "failed:".Length)..];
        }
        else if (text.IndexOf("': ", StringComparison.Ordinal) is var quote and >= 0)
        {
            text = text[(quote + 3)..];
        }

        // Kernel-construction errors carry a source path and line; keep the condition that failed.
        var at = text.IndexOf(" was false.", StringComparison.Ordinal);
        if (at >= 0)
        {
            var start = text.LastIndexOf(") ", at, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : 0;
            text = text[start..] is var tail && tail.Length > 160 ? tail[..160] : tail;
        }

        if (text.StartsWith("[with ", StringComparison.Ordinal) && text.IndexOf("] ", StringComparison.Ordinal) is var end and >= 0)
        {
            text = text[(end + 2)..];
        }

        return text.Replace("with name ''", "", StringComparison.Ordinal).Trim();
    }

    private static TheoryData<string> Rows(Func<NodeTestOutcome, bool> include)
    {
        var rows = new TheoryData<string>();
        if (!NodeTestResults.Available)
        {
            rows.Add(Unavailable);
            return rows;
        }

        foreach (var outcome in NodeTestResults.All.Values.Where(include).OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            rows.Add(outcome.Name);
        }

        return rows;
    }
}
