using HybridAI.Governance.Pii;
using HybridAI.Governance.Pii.Configuration;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Pii.Configuration;

public class PiiRecognizerConfigTests
{
    [Fact]
    public void Loads_recognizers_from_a_file_and_detects_with_them()
    {
        using var dir = new TempDirectory();
        var path = dir.File("recognizers.json");
        File.WriteAllText(path, """
            {
              "recognizers": [
                { "name": "member-id", "type": "MEMBER_ID", "pattern": "\\bmb-\\d{7}\\b", "flags": ["ignoreCase"],
                  "context": ["member"], "score": 0.6, "timeoutMs": 200 },
                { "name": "gift-card", "type": "GIFT_CARD", "pattern": "\\b\\d{16}\\b", "validator": "luhn" }
              ]
            }
            """);
        var detector = new PiiDetector(PiiRecognizerConfig.Load(path));
        var found = Findings.Of(detector, "member MB-1234567, cards 4111111111111111 and 4111111111111112");
        Assert.Equal([("MEMBER_ID", "MB-1234567"), ("GIFT_CARD", "4111111111111111")], found);
    }

    [Fact]
    public void Invalid_pattern_names_the_recognizer_the_field_the_file_and_the_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("recognizers.json");
        File.WriteAllText(path, "[\n  {\"name\": \"ok\", \"type\": \"A\", \"pattern\": \"a\"},\n  {\"name\": \"broken\", \"type\": \"B\",\n   \"pattern\": \"(unclosed\"}\n]");
        var e = Assert.Throws<PiiRecognizerConfigException>(() => PiiRecognizerConfig.Load(path));
        Assert.Equal("broken", e.Recognizer);
        Assert.Equal("pattern", e.Field);
        Assert.Equal(path, e.Source);
        Assert.Equal(4, e.Line);
        Assert.Contains("broken", e.Message);
        Assert.Contains($"{path}(4)", e.Message);
    }

    [Theory]
    [InlineData("""[{"name": "x", "type": "T", "pattern": "a", "validator": "crc"}]""", "validator")]
    [InlineData("""[{"name": "x", "type": "T", "pattern": "a", "score": 2}]""", "score")]
    [InlineData("""[{"name": "x", "type": "T", "pattern": "a", "flags": ["fast"]}]""", "flags")]
    [InlineData("""[{"name": "x", "type": "T", "pattern": "a", "colour": "red"}]""", "colour")]
    [InlineData("""[{"name": "x", "pattern": "a"}]""", "type")]
    [InlineData("""[{"type": "T", "pattern": "a"}]""", "name")]
    [InlineData("""[{"name": "x", "type": "T", "pattern": "a", "timeoutMs": "soon"}]""", "timeoutMs")]
    public void Wrong_fields_are_named(string json, string field)
    {
        var e = Assert.Throws<PiiRecognizerConfigException>(() => PiiRecognizerConfig.Parse(json));
        Assert.Equal(field, e.Field);
        Assert.Contains($"'{field}'", e.Message);
    }

    [Fact]
    public void Syntax_errors_give_the_line()
    {
        var e = Assert.Throws<PiiRecognizerConfigException>(() => PiiRecognizerConfig.Parse("{\n \"recognizers\": [\n {\"name\": }\n]}", "r.json"));
        Assert.Equal(3, e.Line);
        Assert.StartsWith("r.json(3)", e.Message);
    }

    [Fact]
    public void A_bad_pattern_in_code_names_the_recognizer() =>
        Assert.Contains("'order-id'", Assert.Throws<ArgumentException>(() => new RegexRecognizer("order-id", "ORDER_ID", "[unclosed")).Message);

    [Fact]
    public void A_match_timeout_fails_without_echoing_the_text()
    {
        var slow = new RegexRecognizer("slow", "SLOW", "^(a|aa)+$", matchTimeout: TimeSpan.FromMilliseconds(1));
        var secret = new string('a', 40) + "jo@example.com";
        var e = Assert.Throws<InvalidOperationException>(() => slow.Recognize(secret, []));
        Assert.Contains("'slow'", e.Message);
        Assert.DoesNotContain("example.com", e.Message);
        Assert.Null(e.InnerException);
    }
}
