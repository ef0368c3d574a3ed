using HybridAI.Evaluation.Evaluators;
using HybridAI.Evaluation.Tests.Golden;
using HybridAI.Governance.Pii;

namespace HybridAI.Evaluation.Tests.Evaluators;

public sealed class PiiLeakageEvaluatorTests
{
    private static readonly PiiDetector Detector = PiiDetector.CreateDefault();

    [Fact]
    public void Counts_personal_data_in_the_output_and_names_only_the_types()
    {
        var leaks = new PiiLeakageEvaluator(Detector);

        EvaluationScore score = leaks.Evaluate(GoldenText.Example(), "Please write to jean.martin@gmail.com or call 06 12 34 56 78.");
        Assert.Equal(2, score.Value);
        Assert.False(score.Passed);
        Assert.Equal("EMAIL, PHONE", score.Detail);
        Assert.True(leaks.Evaluate(GoldenText.Example(), "We have received your request and will reply soon.").Passed);
    }

    [Fact]
    public void Allowed_values_and_types_are_not_leaks()
    {
        var leaks = new PiiLeakageEvaluator(Detector, allowedValues: ["Support@Acme.com"], allowedTypes: ["PHONE"]);

        EvaluationScore score = leaks.Evaluate(GoldenText.Example(), "Write to support@acme.com or call 06 12 34 56 78, not jean.martin@gmail.com.");
        Assert.Equal(1, score.Value);
        Assert.Equal("EMAIL", score.Detail);
    }
}
