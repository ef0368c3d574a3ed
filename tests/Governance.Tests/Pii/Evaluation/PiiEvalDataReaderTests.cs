using HybridAI.Governance.Pii.Evaluation;

namespace HybridAI.Governance.Tests.Pii.Evaluation;

public sealed class PiiEvalDataReaderTests
{
    private static List<PiiLabelledText> Read(string jsonl) => [.. PiiEvalDataReader.Read(new StringReader(jsonl), "set.jsonl")];

    private static PiiEvalDataException Bad(string jsonl) => Assert.Throws<PiiEvalDataException>(() => Read(jsonl));

    [Fact]
    public void Reads_records_with_their_line_skipping_blank_lines_and_extra_fields()
    {
        var records = Read("{\"id\":\"a\",\"text\":\"call Ann\",\"spans\":[{\"type\":\"PERSON\",\"start\":5,\"end\":8}]}\n\n{\"text\":\"nothing\",\"spans\":[]}\n");

        Assert.Equal(2, records.Count);
        Assert.Equal([new PiiSpan("PERSON", 5, 8)], records[0].Spans);
        Assert.Equal(1, records[0].Line);
        Assert.Empty(records[1].Spans);
        Assert.Equal(3, records[1].Line);
    }

    [Theory]
    [InlineData("{\"text\":\"x\",", "(record)", "not valid JSON")]
    [InlineData("[1,2]", "(record)", "expected a JSON object")]
    [InlineData("{\"spans\":[]}", "text", "missing")]
    [InlineData("{\"text\":12,\"spans\":[]}", "text", "expected a string")]
    [InlineData("{\"text\":\"abc\"}", "spans", "use []")]
    [InlineData("{\"text\":\"abc\",\"spans\":[{\"start\":0,\"end\":1}]}", "spans[0].type", "missing")]
    [InlineData("{\"text\":\"abc\",\"spans\":[{\"type\":\"\",\"start\":0,\"end\":1}]}", "spans[0].type", "non-empty")]
    [InlineData("{\"text\":\"abc\",\"spans\":[{\"type\":\"A\",\"end\":1}]}", "spans[0].start", "missing")]
    [InlineData("{\"text\":\"abc\",\"spans\":[{\"type\":\"A\",\"start\":0.5,\"end\":1}]}", "spans[0].start", "whole number")]
    [InlineData("{\"text\":\"abc\",\"spans\":[{\"type\":\"A\",\"start\":-1,\"end\":1}]}", "spans[0].start", "negative")]
    [InlineData("{\"text\":\"abc\",\"spans\":[{\"type\":\"A\",\"start\":0,\"end\":1},{\"type\":\"A\",\"start\":2,\"end\":2}]}", "spans[1]", "not before end")]
    [InlineData("{\"text\":\"abc\",\"spans\":[{\"type\":\"A\",\"start\":1,\"end\":4}]}", "spans[0].end", "beyond the text, which has 3 characters")]
    public void A_bad_record_names_the_file_the_line_and_the_field(string line, string field, string problem)
    {
        var e = Bad("{\"text\":\"fine\",\"spans\":[]}\n" + line + "\n");

        Assert.Equal("set.jsonl", e.FileName);
        Assert.Equal(2, e.Line);
        Assert.Equal(field, e.Field);
        Assert.StartsWith($"set.jsonl line 2: {field}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_never_repeats_the_text()
    {
        var e = Bad("{\"text\":\"Jane Roe jane@example.org\",\"spans\":[{\"type\":\"EMAIL\",\"start\":9,\"end\":99}]}");
        Assert.DoesNotContain("jane", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_missing_file_is_named_and_a_big_file_streams()
    {
        var missing = Path.Combine(Path.GetTempPath(), "hybridai-no-such-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var e = Assert.Throws<FileNotFoundException>(() => PiiEvalDataReader.Read(missing).First());
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);

        var path = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(path))
            {
                for (var i = 0; i < 50_000; i++)
                    writer.WriteLine("{\"text\":\"mail a@b.io\",\"spans\":[{\"type\":\"EMAIL\",\"start\":5,\"end\":11}]}");
                writer.WriteLine("{\"text\":\"broken\"");
            }

            var count = 0;
            var bad = Assert.Throws<PiiEvalDataException>(() =>
            {
                foreach (var _ in PiiEvalDataReader.Read(path))
                    count++;
            });
            Assert.Equal(50_000, count); // every good record came out before the bad line was reached
            Assert.Equal(50_001, bad.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
