using HybridAI.Abstractions.Classification;
using HybridAI.Evaluation.Evaluators;
using HybridAI.Evaluation.Golden;
using HybridAI.Evaluation.Tests.Golden;

namespace HybridAI.Evaluation.Tests.Evaluators;

public sealed class GoldenEvaluationTests
{
    private const string Set = """
        {"golden_set": "refunds", "version": "2"}
        {"id": "r1", "input": "Where is my refund?", "expected": {"label": "billing", "required_facts": ["14 days"], "forbidden": ["guaranteed"]}}
        {"id": "r2", "input": "Refund for order 42", "expected": {"label": "billing", "required_facts": ["14 days", "original card"]}}
        {"id": "r3", "input": "Parcel lost", "expected": {"label": "shipping", "required_facts": ["tracking number"]}}
        """;

    [Fact]
    public void Run_scores_every_example_summarises_and_records_the_set()
    {
        GoldenSet set = GoldenText.Set(Set);
        var answers = new Dictionary<string, string>
        {
            ["r1"] = "Your refund arrives within 14 days, guaranteed.",
            ["r2"] = "It goes back to your original card within 14 days.",
            ["r3"] = "We are sorry about your parcel.",
        };
        IEvaluator<string>[] evaluators = [new RequiredFactsEvaluator(), new ForbiddenPhrasesEvaluator()];

        EvaluationReport report = GoldenEvaluation.Run(set, e => answers[e.Id], evaluators);

        Assert.Equal(set.Reference, report.GoldenSet);
        Assert.Equal(["r1", "r2", "r3"], report.Examples.Select(e => e.Id));
        ScoreSummary facts = report.Summary.Single(s => s.Name == "facts_coverage");
        Assert.Equal(2 / 3d, facts.Mean, 12);
        Assert.Equal(2 / 3d, facts.PassRate!.Value, 12);
        ScoreSummary policy = report.Summary.Single(s => s.Name == "policy_violations");
        Assert.Equal(1 / 3d, policy.Mean, 12);
        Assert.Empty(report.SetScores);
    }

    [Fact]
    public void Run_adds_set_scores()
    {
        GoldenSet set = GoldenText.Set(Set);
        var predicted = new Dictionary<string, string> { ["r1"] = "billing", ["r2"] = "shipping", ["r3"] = "shipping" };

        EvaluationReport report = GoldenEvaluation.Run(
            set,
            e => new Classification(predicted[e.Id], 0.9, [], []),
            [new ExactMatchEvaluator().For((Classification c) => c.Label)],
            [new ClassificationSetEvaluator(["billing", "shipping"])]);

        Assert.Equal(2 / 3d, report.SetScores.Single(s => s.Name == "accuracy").Value, 12);
        Assert.Equal(2 / 3d, report.Summary.Single(s => s.Name == "exact_match").Mean, 12);
    }

    [Fact]
    public void Run_fails_before_scoring_when_an_example_lacks_what_the_evaluators_need()
    {
        GoldenSet set = GoldenText.Set(Set);
        int produced = 0;

        var error = Assert.Throws<InvalidOperationException>(() => GoldenEvaluation.Run(set, e => { produced++; return "x"; }, [new CitationRecallEvaluator().For((string s) => (IReadOnlyList<string>)[s])]));
        Assert.Contains("'r1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("RequiredCitations", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, produced);
    }
}
