namespace HybridAI.Orchestrator.Tests.Gates;

public class GateConditionsTests
{
    private sealed class Claim
    {
        public double Confidence { get; set; } = 0.9;
        public double Risk { get; set; }
        public string? Category { get; set; }
        public List<string> Broken { get; } = [];
        public string Customer { get; set; } = "jane.doe@example.com";
    }

    [Fact]
    public void Each_condition_gives_a_reason_with_numbers_and_labels_only_when_it_holds()
    {
        var unsure = GateConditions.ConfidenceBelow<Claim>(c => c.Confidence, 0.7);
        var risky = GateConditions.ScoreAbove<Claim>(c => c.Risk, 0.8, "fraud score");
        var legal = GateConditions.CategoryIn<Claim>(c => c.Category, "legal", "security");
        var policy = GateConditions.PolicyViolated<Claim>(c => c.Broken);

        var fine = new Claim { Confidence = 0.95, Risk = 0.1, Category = "billing" };
        Assert.Null(unsure.Evaluate(fine));
        Assert.Null(risky.Evaluate(fine));
        Assert.Null(legal.Evaluate(fine));
        Assert.Null(policy.Evaluate(fine));

        var bad = new Claim { Confidence = 0.41, Risk = 0.93, Category = "LEGAL" };
        bad.Broken.Add("refund-limit");
        Assert.Equal("confidence 0.41 < 0.70", unsure.Evaluate(bad));
        Assert.Equal("fraud score 0.93 > 0.80", risky.Evaluate(bad));
        Assert.Equal("category 'legal' needs review", legal.Evaluate(bad));
        Assert.Equal("policy violated: refund-limit", policy.Evaluate(bad));
    }

    [Fact]
    public void Boundaries_and_NaN_are_decided_the_cautious_way()
    {
        var unsure = GateConditions.ConfidenceBelow<Claim>(c => c.Confidence, 0.7);
        Assert.Null(unsure.Evaluate(new Claim { Confidence = 0.7 }));
        Assert.NotNull(unsure.Evaluate(new Claim { Confidence = double.NaN }));
        var risky = GateConditions.ScoreAbove<Claim>(c => c.Risk, 0.8);
        Assert.Null(risky.Evaluate(new Claim { Risk = 0.8 }));
        Assert.Equal("risk NaN > 0.80", risky.Evaluate(new Claim { Risk = double.NaN }));
    }

    [Fact]
    public void Or_lists_every_reason_that_holds_and_And_needs_both()
    {
        var unsure = GateConditions.ConfidenceBelow<Claim>(c => c.Confidence, 0.7);
        var risky = GateConditions.ScoreAbove<Claim>(c => c.Risk, 0.8);
        var claim = new Claim { Confidence = 0.5, Risk = 0.9 };

        Assert.Equal("confidence 0.50 < 0.70; risk 0.90 > 0.80", (unsure | risky).Evaluate(claim));
        Assert.Equal("confidence 0.50 < 0.70 and risk 0.90 > 0.80", (unsure & risky).Evaluate(claim));
        claim.Risk = 0.1;
        Assert.Equal("confidence 0.50 < 0.70", (unsure | risky).Evaluate(claim));
        Assert.Null((unsure & risky).Evaluate(claim));
    }

    [Fact]
    public void Reasons_never_quote_the_state_text()
    {
        var claim = new Claim { Confidence = 0.1, Risk = 1, Category = "jane.doe@example.com" };
        claim.Broken.Add("no-pii\u0007-rule");
        var all = GateConditions.ConfidenceBelow<Claim>(c => c.Confidence, 0.7)
            | GateConditions.ScoreAbove<Claim>(c => c.Risk, 0.5)
            | GateConditions.CategoryIn<Claim>(c => c.Category, "legal")
            | GateConditions.PolicyViolated<Claim>(c => c.Broken)
            | GateConditions.When<Claim>(c => c.Customer.Length > 0, "customer flagged");
        var reason = all.Evaluate(claim)!;
        Assert.DoesNotContain("jane", reason, StringComparison.Ordinal);
        Assert.Contains("policy violated: no-pii?-rule", reason, StringComparison.Ordinal);
        Assert.EndsWith("customer flagged", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_thresholds_and_empty_category_lists_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GateConditions.ConfidenceBelow<Claim>(c => c.Confidence, double.NaN));
        Assert.Throws<ArgumentException>(() => GateConditions.CategoryIn<Claim>(c => c.Category));
        Assert.Throws<ArgumentException>(() => GateConditions.CategoryIn<Claim>(c => c.Category, " "));
    }
}
