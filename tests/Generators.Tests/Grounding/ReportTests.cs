using HybridAI.Abstractions.Classification;
using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

public class ReportTests
{
    private static readonly EvidencePassage FraudPolicy = new(
        "kb-fraud#2",
        "Suspected card fraud",
        "Fraud tickets are handled with urgent priority by a person, not automatically. " +
        "We cancel any order that has not shipped yet and block the account that made the purchase. Our offices are closed on public holidays.");

    private static readonly EvidencePassage Shipping = new("kb-ship#1", "Shipping FAQ", "Standard shipping takes 3 to 5 days.");

    private static InferenceResult Fraud => new("case-7/fraud", "Fraud score (GBDT v3)")
    {
        Label = "fraud",
        Confidence = 0.875,
        Score = 0.9134,
        TopFeatures = [new("new_device", 1.92), new("amount_vs_average", 0.85), new("night_time", 0.3), new("country_mismatch", 0.1)],
    };

    [Fact]
    public void A_report_states_the_model_output_citing_it_and_quotes_evidence_citing_chunks()
    {
        GroundedDraft report = new GroundedDraftWriter().WriteReport(Fraud, [Shipping, FraudPolicy], focus: "Suspected card fraud: what happens to the order and the account?");

        Assert.True(report.Grounded);
        Assert.Equal(
            "Case report\n\n" +
            "The model classified this case as fraud with 87.5% confidence. [1] The model gave it a score of 0.913. [1] " +
            "The factors that weighed most were new_device (+1.92), amount_vs_average (+0.85) and night_time (+0.3). [1]\n\n" +
            "Supporting documentation:\n" +
            "Fraud tickets are handled with urgent priority by a person, not automatically. [2] " +
            "We cancel any order that has not shipped yet and block the account that made the purchase. [2]\n\n" +
            "Sources:\n[1] Fraud score (GBDT v3) (model output)\n[2] Suspected card fraud",
            report.Text);
        Assert.Equal(
            [new Citation(1, "case-7/fraud", "Fraud score (GBDT v3)", CitationKind.ModelOutput), new Citation(2, "kb-fraud#2", "Suspected card fraud")],
            report.Citations);
        Assert.Equal([CitationKind.ModelOutput, CitationKind.ModelOutput, CitationKind.ModelOutput, CitationKind.Evidence, CitationKind.Evidence], report.Sentences.Select(s => s.Kind));
        DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(report, [Shipping, FraudPolicy], "case-7/fraud");
    }

    [Fact]
    public void A_french_report_writes_numbers_the_french_way()
    {
        GroundedDraft report = new GroundedDraftWriter(new GroundedDraftOptions { Language = "fr" }).WriteReport(Fraud, []);

        Assert.StartsWith(
            "Rapport de dossier\n\n" +
            "Le modèle a classé ce dossier en fraud avec une confiance de 87,5 %. [1] Le modèle lui attribue un score de 0,913. [1] " +
            "Les facteurs qui ont le plus pesé sont new_device (+1,92), amount_vs_average (+0,85) et night_time (+0,3). [1]\n\n" +
            "La base de connaissances ne contient rien qui concerne ce dossier ; un analyste doit le vérifier.\n\n" +
            "Sources :\n[1] Fraud score (GBDT v3) (résultat du modèle)",
            report.Text);
        Assert.False(report.Grounded);
    }

    [Fact]
    public void Without_relevant_evidence_a_report_says_so_and_cites_only_the_model()
    {
        GroundedDraft report = new GroundedDraftWriter().WriteReport(Fraud, [Shipping], focus: "card fraud on a new device");

        Assert.False(report.Grounded);
        Assert.Contains("The knowledge base holds nothing that bears on this case; a reviewer should check it.", report.Text, StringComparison.Ordinal);
        Assert.All(report.Citations, c => Assert.Equal(CitationKind.ModelOutput, c.Kind));
        Assert.DoesNotContain("Shipping FAQ", report.Text, StringComparison.Ordinal);
        DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(report, [Shipping], "case-7/fraud");
    }

    [Fact]
    public void Without_a_focus_the_label_and_top_features_pick_the_evidence()
    {
        var result = new InferenceResult("r", "Triage") { Label = "fraud", Confidence = 0.9, TopFeatures = [new("account", 1)] };

        GroundedDraft report = new GroundedDraftWriter().WriteReport(result, [Shipping, FraudPolicy]);

        Assert.True(report.Grounded);
        Assert.All(report.Sentences.Where(s => s.Kind == CitationKind.Evidence), s => Assert.Equal("kb-fraud#2", s.EvidenceId));
    }

    [Fact]
    public void A_layout_line_using_model_values_is_a_claim_that_cites_the_model()
    {
        var template = new ReplyTemplate("Fraud review {case_id}\nDecision: {category} ({confidence}), score {score}\nDrivers: {top_features}\n\n{body}\n\n{sources}", "en")
        {
            Name = "fraud audit",
        };

        GroundedDraft report = new GroundedDraftWriter().WriteReport(
            Fraud, [FraudPolicy], focus: "fraud order account", slots: new Dictionary<string, string> { ["case_id"] = "C-7" }, template: template);

        Assert.StartsWith(
            "Fraud review C-7\nDecision: fraud (87.5%), score 0.913 [1]\nDrivers: new_device (+1.92), amount_vs_average (+0.85) and night_time (+0.3) [1]\n\n",
            report.Text,
            StringComparison.Ordinal);
        Assert.Equal(["Decision: fraud (87.5%), score 0.913", "Drivers: new_device (+1.92), amount_vs_average (+0.85) and night_time (+0.3)"],
            report.Sentences.Where(s => s.Kind == CitationKind.ModelOutput).Select(s => s.Text));
        Assert.Contains("Fraud review", report.Boilerplate);
        Assert.Contains("C-7", report.Boilerplate);
        DraftCoverage.AssertEverySentenceIsCitedOrBoilerplate(report, [FraudPolicy], "case-7/fraud");
    }

    [Fact]
    public void A_slot_the_result_cannot_fill_is_an_error_naming_the_slot_and_the_template()
    {
        var template = new ReplyTemplate("Risk score: {score}\n{body}") { Name = "risk audit" };
        var unscored = new InferenceResult("case-9", "Triage") { Label = "billing", Confidence = 0.7 };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new GroundedDraftWriter().WriteReport(unscored, [FraudPolicy], template: template));

        Assert.Contains("'{score}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'risk audit'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'case-9' has no Score", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_custom_slot_names_the_template()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            new GroundedDraftWriter().WriteReport(Fraud, [FraudPolicy], template: new ReplyTemplate("{title} {analyst}") { Name = "weekly audit" }));

        Assert.Contains("'weekly audit' uses the slot '{analyst}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReplySlots.Category)]
    [InlineData(ReplySlots.Score)]
    [InlineData(ReplySlots.Findings)]
    public void Model_values_cannot_be_supplied_as_slots(string slot)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() =>
            new GroundedDraftWriter().WriteReport(Fraud, [FraudPolicy], slots: new Dictionary<string, string> { [slot] = "anything" }));

        Assert.Contains($"'{{{slot}}}' is filled by the writer", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("label-without-confidence", "has a Label but no Confidence")]
    [InlineData("confidence-out-of-range", "Confidence 1.5")]
    [InlineData("nan-score", "Score that is not a finite number")]
    [InlineData("nothing", "neither a Label nor a Score")]
    [InlineData("blank-label", "blank Label")]
    [InlineData("blank-feature", "TopFeatures[0]")]
    public void An_incomplete_result_is_rejected_naming_it_and_the_field(string problem, string expected)
    {
        InferenceResult result = problem switch
        {
            "label-without-confidence" => new("case-3", "m") { Label = "fraud" },
            "confidence-out-of-range" => new("case-3", "m") { Label = "fraud", Confidence = 1.5 },
            "nan-score" => new("case-3", "m") { Score = double.NaN },
            "nothing" => new("case-3", "m"),
            "blank-label" => new("case-3", "m") { Label = " \n", Confidence = 0.5 },
            _ => new("case-3", "m") { Score = 1, TopFeatures = [new(" ", 1)] },
        };

        ArgumentException error = Assert.Throws<ArgumentException>(() => new GroundedDraftWriter().WriteReport(result, [FraudPolicy]));

        Assert.Contains("'case-3'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal("result", error.ParamName);
    }

    [Fact]
    public void A_score_only_result_states_just_the_score()
    {
        var scored = new InferenceResult("churn-1", "Churn score") { Score = -0.25 };

        GroundedDraft report = new GroundedDraftWriter().WriteReport(scored, [FraudPolicy], focus: "account blocked");

        DraftSentence finding = Assert.Single(report.Sentences, s => s.Kind == CitationKind.ModelOutput);
        Assert.Equal("The model gave it a score of -0.25.", finding.Text);
    }

    [Fact]
    public void A_classifier_output_becomes_an_inference_result()
    {
        var classification = new Classification("billing", 0.66, [0.66, 0.34], [new FeatureContribution("invoice", 0.7)]);

        InferenceResult result = InferenceResult.FromClassification("t-1", "Triage v2", classification, score: 0.2);

        Assert.Equal("billing", result.Label);
        Assert.Equal(0.66, result.Confidence);
        Assert.Equal(0.2, result.Score);
        Assert.Equal(classification.TopFeatures, result.TopFeatures);
    }

    [Fact]
    public void The_built_in_report_templates_are_chosen_by_language()
    {
        Assert.Same(ReplyTemplate.FrenchReport, ReplyTemplate.BuiltInReport("FR"));
        Assert.Same(ReplyTemplate.EnglishReport, ReplyTemplate.BuiltInReport("en"));
        Assert.Equal("built-in English report", ReplyTemplate.EnglishReport.Name);
    }
}
