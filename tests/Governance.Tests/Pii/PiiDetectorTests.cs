using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii;

public class PiiDetectorTests
{
    private static readonly PiiDetector Detector = PiiDetector.CreateDefault();

    [Fact]
    public void English_ticket_finds_every_kind()
    {
        const string ticket = "Hello, my name is John Smith. My card 4111 1111 1111 1111 was charged twice on March 3, 2024. " +
            "Reach me at john.smith@example.com or (555) 123-4567. Order #12345678 total $1,234.56.";
        var found = Findings.Of(Detector, ticket);
        Assert.Equal(
        [
            (PiiTypes.Person, "John Smith"),
            (PiiTypes.CreditCard, "4111 1111 1111 1111"),
            (PiiTypes.Date, "March 3, 2024"),
            (PiiTypes.Email, "john.smith@example.com"),
            (PiiTypes.Phone, "(555) 123-4567"),
        ], found);
    }

    [Fact]
    public void French_ticket_finds_every_kind()
    {
        const string ticket = "Bonjour, je m'appelle Marie Dupont, née le 12/04/1978. Mon IBAN FR14 2004 1010 0505 0001 3M02 606 " +
            "a été débité deux fois. Joignable au 06 12 34 56 78. Commande n° 2024-0042 de 89,90 €.\nCordialement,\nMarie Dupont";
        var found = Findings.Of(Detector, ticket);
        Assert.Equal(
        [
            (PiiTypes.Person, "Marie Dupont"),
            (PiiTypes.Date, "12/04/1978"),
            (PiiTypes.Iban, "FR14 2004 1010 0505 0001 3M02 606"),
            (PiiTypes.Phone, "06 12 34 56 78"),
            (PiiTypes.Person, "Marie Dupont"),
        ], found);
    }

    [Fact]
    public void Documented_example_holds()
    {
        var found = Detector.Detect("Bonjour, je m'appelle Marie Dupont, tél. 06 12 34 56 78");
        Assert.Equal([(PiiTypes.Person, 22, 12, "person-context"), (PiiTypes.Phone, 41, 14, "phone")],
            found.Select(f => (f.Type, f.Start, f.Length, f.Recognizer)));
    }

    [Fact]
    public void Findings_are_ordered_by_start_and_never_overlap()
    {
        const string text = "Contact: Anna Schmidt <anna.schmidt@example.de>, https://example.de/u/anna, +49 30 1234567, 10.0.0.1";
        var findings = Detector.Detect(text);
        Assert.NotEmpty(findings);
        for (var i = 1; i < findings.Count; i++)
            Assert.True(findings[i - 1].End <= findings[i].Start, $"finding {i} overlaps the one before");
        Assert.All(findings, f => Assert.False(string.IsNullOrEmpty(f.Recognizer)));
    }

    [Fact]
    public void Higher_score_wins_an_overlap_then_longer_span()
    {
        var detector = new PiiDetector(
        [
            new RegexRecognizer("low-long", "A", @"abc def", score: 0.6),
            new RegexRecognizer("high-short", "B", @"def", score: 0.9),
            new RegexRecognizer("same-score-short", "C", @"ghi", score: 0.7),
            new RegexRecognizer("same-score-long", "D", @"ghi jkl", score: 0.7),
        ]);
        var found = detector.Detect("abc def ghi jkl");
        Assert.Equal(["high-short", "same-score-long"], found.Select(f => f.Recognizer));
        Assert.Equal((4, 3), (found[0].Start, found[0].Length));
    }

    [Fact]
    public void Findings_below_the_minimum_score_are_dropped()
    {
        var recognizer = new RegexRecognizer("weak", "X", @"\bfoo\b", score: 0.3);
        Assert.Empty(new PiiDetector([recognizer]).Detect("foo"));
        Assert.Single(new PiiDetector([recognizer], minScore: 0.2).Detect("foo"));
    }

    [Fact]
    public void Custom_regex_recognizer_uses_validator_and_context()
    {
        var orders = new RegexRecognizer("order-id", "ORDER_ID", @"\bORD-\d{4}\b",
            validator: v => v[^1] != '0', contextWords: ["order"], score: 0.5);
        var detector = new PiiDetector([orders]);
        const string text = "order ORD-1234 and ORD-5670, then much later ........................................... ORD-4321";
        var found = detector.Detect(text);
        Assert.Equal([("ORD-1234", 0.75), ("ORD-4321", 0.5)], found.Select(f => (text.Substring(f.Start, f.Length), f.Score)));
    }

    [Fact]
    public void Bad_custom_pattern_is_reported_clearly()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RegexRecognizer("bad", "X", "(unclosed"));
        Assert.Equal("pattern", ex.ParamName);
    }

    [Fact]
    public void Empty_and_clean_text_give_no_findings()
    {
        Assert.Empty(Detector.Detect(""));
        Assert.Empty(Detector.Detect("The printer on the third floor is out of toner again."));
    }

    [Fact]
    public void Detect_is_thread_safe()
    {
        const string text = "Dear Mr. Thornbury, call +44 20 7946 0958 or mail t@example.co.uk";
        var expected = Findings.Of(Detector, text);
        Parallel.For(0, 200, _ => Assert.Equal(expected, Findings.Of(Detector, text)));
    }
}
