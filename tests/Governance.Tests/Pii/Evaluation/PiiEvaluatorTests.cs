using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Pii.Evaluation;

namespace HybridAI.Governance.Tests.Pii.Evaluation;

public sealed class PiiEvaluatorTests
{
    private static PiiFinding Found(string type, int start, int end) => new(type, start, end - start, 0.9, "test");

    [Fact]
    public void Overlap_with_the_same_type_matches_and_exact_needs_both_ends()
    {
        var evaluator = new PiiEvaluator();
        evaluator.Add([new PiiSpan("PERSON", 10, 20)], [Found("PERSON", 12, 20)]);
        var report = evaluator.Report();

        Assert.Equal(new PiiScores(1, 1, 1, 1), report.ByType["PERSON"]);
        Assert.Equal(new PiiScores(1, 1, 0, 0), report.ExactByType["PERSON"]);
        Assert.Equal(1.0, report.Overall.F2);
    }

    [Fact]
    public void A_wrong_type_misses_by_type_but_counts_in_the_any_type_overall()
    {
        var evaluator = new PiiEvaluator();
        evaluator.Add([new PiiSpan("ORGANIZATION", 0, 8)], [Found("PERSON", 0, 8)]);
        var report = evaluator.Report();

        Assert.Equal(new PiiScores(1, 0, 0, 0), report.ByType["ORGANIZATION"]);
        Assert.Equal(new PiiScores(0, 1, 0, 0), report.ByType["PERSON"]);
        Assert.Equal(0.0, report.Typed.Recall);
        Assert.Equal(new PiiScores(1, 1, 1, 1), report.Overall);
    }

    [Fact]
    public void Touching_spans_do_not_overlap()
    {
        var evaluator = new PiiEvaluator();
        evaluator.Add([new PiiSpan("EMAIL", 5, 10)], [Found("EMAIL", 10, 15)]);
        Assert.Equal(new PiiScores(1, 1, 0, 0), evaluator.Report().ByType["EMAIL"]);
    }

    [Fact]
    public void One_finding_over_two_labels_recalls_both_and_is_one_true_finding()
    {
        var evaluator = new PiiEvaluator();
        evaluator.Add([new PiiSpan("ADDRESS", 0, 10), new PiiSpan("ADDRESS", 12, 20)], [Found("ADDRESS", 0, 20)]);
        var s = evaluator.Report().ByType["ADDRESS"];

        Assert.Equal(new PiiScores(2, 1, 2, 1), s);
        Assert.Equal(1.0, s.Precision);
        Assert.Equal(1.0, s.Recall);
    }

    [Fact]
    public void Ratios_and_f_scores_follow_their_definitions()
    {
        // 3 labels, 4 findings: 2 labels recalled, 2 findings right.
        var s = new PiiScores(Expected: 3, Found: 4, MatchedExpected: 2, MatchedFound: 2);
        Assert.Equal(0.5, s.Precision, 12);
        Assert.Equal(2.0 / 3, s.Recall, 12);
        Assert.Equal(2 * 0.5 * (2.0 / 3) / (0.5 + (2.0 / 3)), s.F1, 12);
        Assert.Equal(5 * 0.5 * (2.0 / 3) / ((4 * 0.5) + (2.0 / 3)), s.F2, 12);
        Assert.Equal(0.0, default(PiiScores).F2);
    }

    [Fact]
    public void Findings_in_a_text_without_labels_are_false_positives()
    {
        var evaluator = new PiiEvaluator();
        evaluator.Add([], [Found("PHONE", 0, 10)]);
        evaluator.Add([new PiiSpan("PHONE", 0, 10)], [Found("PHONE", 0, 10)]);
        var report = evaluator.Report();

        Assert.Equal(2, report.Records);
        Assert.Equal(0.5, report.ByType["PHONE"].Precision);
        Assert.Equal(1.0, report.ByType["PHONE"].Recall);
    }

    [Fact]
    public void Evaluating_the_real_detector_finds_what_it_should_and_reports_unknown_types_on_their_own_row()
    {
        const string text = "Mail jane.roe@example.org or call +33 6 12 34 56 78, badge 4471.";
        var records = new[]
        {
            new PiiLabelledText(text, [new PiiSpan(PiiTypes.Email, 5, 25), new PiiSpan(PiiTypes.Phone, 34, 51), new PiiSpan("BADGE", 59, 63)]),
        };

        var report = PiiEvaluator.Evaluate(PiiDetector.CreateDefault(), records);

        Assert.Equal(1.0, report.ByType[PiiTypes.Email].Recall);
        Assert.Equal(1.0, report.ExactByType[PiiTypes.Phone].Recall);
        Assert.Equal(new PiiScores(1, 0, 0, 0), report.ByType["BADGE"]);
        Assert.Equal(2.0 / 3, report.Overall.Recall, 12);
    }
}
