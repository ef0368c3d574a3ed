using HybridAI.Retrieval.Evaluation;

namespace HybridAI.Retrieval.Tests.Evaluation;

public sealed class LabelledQuerySetTests
{
    [Fact]
    public void Reads_binary_and_graded_lines_and_skips_blank_ones()
    {
        var queries = LabelledQuerySet.Read(new StringReader("""
            {"query": "charged twice", "relevant": ["kb-refund-en", "kb-remboursement-fr"]}

            {"query": "reset password", "relevant": {"kb-password-en": 2, "kb-2fa-en": 1}}
            """), "q.jsonl");

        Assert.Equal(2, queries.Count);
        Assert.Equal(1, queries[0].Relevant["kb-remboursement-fr"]);
        Assert.Equal(2, queries[1].Relevant["kb-password-en"]);
    }

    [Theory]
    [InlineData("{\"query\": \"x\", \"relevant\": [\"a\"]}\n{\"query\": \"y\"", "q.jsonl(2): invalid JSON")]
    [InlineData("{\"relevant\": [\"a\"]}", "q.jsonl(1): field 'query'")]
    [InlineData("{\"query\": \"x\"}", "q.jsonl(1): field 'relevant' is missing")]
    [InlineData("{\"query\": \"x\", \"relevant\": []}", "q.jsonl(1): field 'relevant' is empty")]
    [InlineData("{\"query\": \"x\", \"relevant\": {\"a\": -1}}", "q.jsonl(1): field 'relevant' grade of 'a'")]
    [InlineData("[1, 2]", "q.jsonl(1): expected a JSON object")]
    public void Bad_lines_name_the_file_line_and_field(string text, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => LabelledQuerySet.Read(new StringReader(text), "q.jsonl"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var error = Assert.Throws<FileNotFoundException>(() => LabelledQuerySet.ReadJsonl("/nonexistent/queries.jsonl"));
        Assert.Contains("/nonexistent/queries.jsonl", error.Message, StringComparison.Ordinal);
    }
}
