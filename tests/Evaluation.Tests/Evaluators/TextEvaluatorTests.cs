using HybridAI.Evaluation.Evaluators;
using HybridAI.Evaluation.Golden;
using HybridAI.Evaluation.Tests.Golden;

namespace HybridAI.Evaluation.Tests.Evaluators;

public sealed class TextEvaluatorTests
{
    [Fact]
    public void Exact_match_compares_trimmed_text_with_the_chosen_case_rule()
    {
        GoldenExample example = GoldenText.Example(label: "billing", answer: "Reset it.");

        Assert.Equal(new EvaluationScore("exact_match", 1, true), new ExactMatchEvaluator().Evaluate(example, " billing\n"));
        Assert.Equal(0, new ExactMatchEvaluator().Evaluate(example, "Billing").Value);
        Assert.Equal(1, new ExactMatchEvaluator(ignoreCase: true).Evaluate(example, "Billing").Value);
        Assert.Equal(1, new ExactMatchEvaluator(GoldenFields.ReferenceAnswer).Evaluate(example, "Reset it.").Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExactMatchEvaluator(GoldenFields.RequiredFacts));
    }

    [Fact]
    public void An_evaluator_missing_its_field_names_the_example_and_field()
    {
        GoldenExample example = GoldenText.Example(answer: GoldenText.Secret, id: "t-9");

        var error = Assert.Throws<InvalidOperationException>(() => new ExactMatchEvaluator().Evaluate(example, "x"));
        Assert.Contains("'t-9'", error.Message, StringComparison.Ordinal);
        Assert.Contains("label", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Marie", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new RequiredFactsEvaluator().Evaluate(example, "x"));
        Assert.Throws<InvalidOperationException>(() => new CitationRecallEvaluator().Evaluate(example, ["kb-1"]));
    }

    [Fact]
    public void Contains_folds_case_accents_and_spacing_and_respects_word_boundaries()
    {
        var contains = new ContainsEvaluator();

        Assert.True(contains.Evaluate(GoldenText.Example(answer: "délai de 14 jours"), "Le DELAI  de\n14 jours est passé.").Passed);
        Assert.False(contains.Evaluate(GoldenText.Example(answer: "art"), "This is a party.").Passed);
        Assert.True(new ContainsEvaluator(GoldenFields.Label).Evaluate(GoldenText.Example(label: "Straße"), "an der strasse").Passed);
    }

    [Fact]
    public void Regex_matches_or_forbids_and_a_timeout_fails_without_throwing()
    {
        GoldenExample example = GoldenText.Example();

        Assert.True(new RegexEvaluator(@"\bTCK-\d{6}\b", name: "ticket_ref").Evaluate(example, "Logged as TCK-004211.").Passed);
        Assert.Equal("ticket_ref", new RegexEvaluator(@"\bTCK-\d{6}\b", name: "ticket_ref").Evaluate(example, "no ref").Name);
        Assert.False(new RegexEvaluator("(?i)password", mustMatch: false).Evaluate(example, "Your PASSWORD is hunter2").Passed);

        // Catastrophic backtracking on a long run of a's with no final match.
        var slow = new RegexEvaluator("^(a+)+$", timeout: TimeSpan.FromMilliseconds(1));
        EvaluationScore timedOut = slow.Evaluate(example, new string('a', 5000) + "!");
        Assert.False(timedOut.Passed);
        Assert.Contains("timed out", timedOut.Detail, StringComparison.Ordinal);
        Assert.Throws<System.Text.RegularExpressions.RegexParseException>(() => new RegexEvaluator("(unclosed"));
    }

    [Fact]
    public void Required_facts_coverage_is_the_folded_share_found_and_numbers_the_missing()
    {
        GoldenExample example = GoldenText.Example(facts: ["14 jours", "Remboursement", "numéro de commande"]);

        EvaluationScore score = new RequiredFactsEvaluator().Evaluate(example, "Le remboursement arrive sous 14 JOURS.");
        Assert.Equal(2 / 3d, score.Value, 12);
        Assert.False(score.Passed);
        Assert.Equal("2 of 3 facts; missing #3", score.Detail);
        Assert.True(new RequiredFactsEvaluator(minCoverage: 0.6).Evaluate(example, "Le remboursement arrive sous 14 jours.").Passed);
        Assert.Equal(1, new RequiredFactsEvaluator().Evaluate(GoldenText.Example(facts: []), "anything").Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => new RequiredFactsEvaluator(minCoverage: 0));
    }

    [Fact]
    public void Citation_precision_and_recall_compare_distinct_cited_ids_with_the_gold_ones()
    {
        GoldenExample example = GoldenText.Example(citations: ["kb-12#3", "kb-40#1"]);

        EvaluationScore precision = new CitationPrecisionEvaluator().Evaluate(example, ["kb-12#3", "kb-99#2", "kb-12#3"]);
        EvaluationScore recall = new CitationRecallEvaluator().Evaluate(example, ["kb-12#3", "kb-99#2"]);
        Assert.Equal(0.5, precision.Value);
        Assert.Equal("1 of 2 cited ids are gold", precision.Detail);
        Assert.Equal(0.5, recall.Value);
        Assert.False(recall.Passed);
        Assert.True(new CitationRecallEvaluator(minRecall: 0.5).Evaluate(example, ["kb-40#1"]).Passed);

        // Citing nothing is imprecise when evidence was expected, and right when none was.
        Assert.Equal(0, new CitationPrecisionEvaluator().Evaluate(example, []).Value);
        GoldenExample none = GoldenText.Example(citations: []);
        Assert.Equal(1, new CitationPrecisionEvaluator().Evaluate(none, []).Value);
        Assert.Equal(1, new CitationRecallEvaluator().Evaluate(none, ["kb-1"]).Value);
        Assert.Equal(0, new CitationPrecisionEvaluator().Evaluate(none, ["kb-1"]).Value);
    }

    [Fact]
    public void Forbidden_phrases_count_policy_and_example_phrases_without_quoting_the_output()
    {
        var policy = new ForbiddenPhrasesEvaluator(["guaranteed refund", "legal advice"]);
        GoldenExample example = GoldenText.Example(forbidden: ["competitor"]);

        EvaluationScore score = policy.Evaluate(example, "This is not LÉGAL advice, but a Competitor may help.");
        Assert.Equal(2, score.Value);
        Assert.False(score.Passed);
        Assert.Equal("forbidden #2, #3", score.Detail);
        Assert.True(policy.Evaluate(GoldenText.Example(), "We will look into it.").Passed);
        Assert.Throws<ArgumentException>(() => new ForbiddenPhrasesEvaluator(["ok", " "]));
    }

    [Fact]
    public void Length_checks_chars_words_and_tokens_and_names_the_broken_bound()
    {
        GoldenExample example = GoldenText.Example();
        // The real fallback counter: one token per word of up to six letters here.
        var counter = HybridAI.Generators.Tokenization.EstimatedTokenCounter.Instance;

        EvaluationScore shortReply = new LengthEvaluator(new LengthLimits(MinWords: 5, MaxChars: 100)).Evaluate(example, "Thanks a lot.");
        Assert.Equal(13, shortReply.Value);
        Assert.False(shortReply.Passed);
        Assert.Equal("13 chars, 3 words; words 3 below 5", shortReply.Detail);

        EvaluationScore tokens = new LengthEvaluator(new LengthLimits(MaxTokens: 4), counter).Evaluate(example, "one two three four five");
        Assert.False(tokens.Passed);
        Assert.Contains("tokens 5 above 4", tokens.Detail, StringComparison.Ordinal);
        Assert.True(new LengthEvaluator(new LengthLimits(MinChars: 1, MaxWords: 5)).Evaluate(example, "fine").Passed);

        Assert.Throws<ArgumentException>(() => new LengthEvaluator(new LengthLimits(MinChars: 10, MaxChars: 5)));
        Assert.Throws<ArgumentException>(() => new LengthEvaluator(new LengthLimits(MaxWords: -1)));
        Assert.Throws<ArgumentException>(() => new LengthEvaluator(new LengthLimits(MaxTokens: 5)));
    }

    [Fact]
    public void For_lets_evaluators_of_different_parts_share_one_list()
    {
        GoldenExample example = GoldenText.Example(facts: ["refund"], citations: ["kb-1"]);
        var evaluators = new List<IEvaluator<RagResult>>
        {
            new RequiredFactsEvaluator().For((RagResult r) => r.Answer),
            new CitationRecallEvaluator().For((RagResult r) => r.Cited),
        };

        var scores = evaluators.Select(e => e.Evaluate(example, new RagResult("Your refund is on its way.", ["kb-1"]))).ToList();
        Assert.All(scores, s => Assert.True(s.Passed));
        Assert.Equal(GoldenFields.RequiredFacts | GoldenFields.RequiredCitations, GoldenSet.RequiredBy(evaluators));
    }

    private sealed record RagResult(string Answer, IReadOnlyList<string> Cited);
}
