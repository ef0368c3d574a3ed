using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Tests.Golden;

public sealed class GoldenSetReaderTests
{
    private const string Header = """{"golden_set": "tickets", "version": 3}""";

    [Fact]
    public void Jsonl_reads_the_header_string_and_object_inputs_expected_fields_and_tags()
    {
        string text = Header + "\n"
            + """{"id": "t-1", "input": "My invoice is wrong", "expected": {"label": "billing", "required_facts": ["invoice"], "required_citations": ["kb-1#2"], "forbidden": ["refund guaranteed"]}, "group": "fr", "priority": 2}""" + "\n"
            + "\n"
            + """{"id": "t-2", "input": {"subject": "Login", "body": "cannot sign in"}, "expected": {"reference_answer": "Reset your password."}}""" + "\n";
        using GoldenSetReader reader = GoldenText.Jsonl(text);
        Assert.Equal("tickets", reader.Name);
        Assert.Equal("3", reader.Version);
        GoldenExample[] examples = [.. reader.ReadExamples()];

        Assert.Equal(2, examples.Length);
        Assert.Equal("My invoice is wrong", examples[0].InputText);
        Assert.Equal("billing", examples[0].Expected.Label);
        Assert.Equal(["invoice"], examples[0].Expected.RequiredFacts!);
        Assert.Equal(["kb-1#2"], examples[0].Expected.RequiredCitations!);
        Assert.Equal(["refund guaranteed"], examples[0].Expected.Forbidden!);
        Assert.Equal("fr", examples[0].Tags["group"]);
        Assert.Equal("2", examples[0].Tags["priority"]);
        Assert.Equal(GoldenFields.Label | GoldenFields.RequiredFacts | GoldenFields.RequiredCitations | GoldenFields.Forbidden, examples[0].Expected.Present);
        Assert.Equal("Login", examples[1].InputAs<TicketInput>().Subject);
        Assert.Equal("Reset your password.", examples[1].Expected.ReferenceAnswer);
        Assert.Null(examples[1].Expected.Label);

        var record = examples[0].ToRecord<string>();
        Assert.Equal("My invoice is wrong", record.Input);
        Assert.Equal("billing", record.Expected["label"]);
        Assert.Equal("fr", record.Expected["group"]);
    }

    [Fact]
    public void Jsonl_streams_records_so_a_bad_line_fails_only_when_reached()
    {
        string text = Header + "\n" + """{"id": "a", "input": "x"}""" + "\n" + "{not json\n";
        using GoldenSetReader reader = GoldenText.Jsonl(text);
        using IEnumerator<GoldenExample> examples = reader.ReadExamples().GetEnumerator();

        Assert.True(examples.MoveNext());
        Assert.Equal("a", examples.Current.Id);
        var error = Assert.Throws<GoldenSetFormatException>(() => examples.MoveNext());
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("""{"input": "SECRET"}""", "id", "missing")]
    [InlineData("""{"id": "", "input": "SECRET"}""", "id", "empty")]
    [InlineData("""{"id": 7, "input": "SECRET"}""", "id", "must be a string")]
    [InlineData("""{"id": "a"}""", "input", "missing")]
    [InlineData("""{"id": "a", "input": ["SECRET"]}""", "input", "string or an object")]
    [InlineData("""{"id": "a", "input": "SECRET", "expected": {"lable": "x"}}""", "expected.lable", "not a known field")]
    [InlineData("""{"id": "a", "input": "SECRET", "expected": {"required_facts": "SECRET"}}""", "expected.required_facts", "array of strings")]
    [InlineData("""{"id": "a", "input": "SECRET", "expected": {"required_facts": ["ok", ""]}}""", "expected.required_facts[1]", "non-empty string")]
    [InlineData("""{"id": "a", "input": "SECRET", "group": {"SECRET": 1}}""", "group", "a tag must be")]
    public void Jsonl_errors_name_file_line_and_field_and_never_quote_the_record(string record, string field, string problem)
    {
        string text = Header + "\n" + """{"id": "ok", "input": "fine"}""" + "\n" + record.Replace("SECRET", GoldenText.Secret, StringComparison.Ordinal) + "\n";
        using GoldenSetReader reader = GoldenText.Jsonl(text);

        var error = Assert.Throws<GoldenSetFormatException>(() => reader.ReadExamples().ToList());
        Assert.Equal("tickets.jsonl", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains("tickets.jsonl line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Marie", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FR76", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_bad_json_reports_the_position_without_the_offending_text()
    {
        string text = Header + "\n" + "{\"id\": \"a\", \"input\": \"" + GoldenText.Secret + "\" Marie}\n";
        using GoldenSetReader reader = GoldenText.Jsonl(text);

        var error = Assert.Throws<GoldenSetFormatException>(() => reader.ReadExamples().ToList());
        Assert.Equal(2, error.Line);
        Assert.Null(error.Field);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Marie", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public void Jsonl_duplicate_id_names_the_line_of_the_first()
    {
        string text = Header + "\n" + """{"id": "a", "input": "x"}""" + "\n" + """{"id": "b", "input": "y"}""" + "\n" + """{"id": "a", "input": "z"}""" + "\n";
        using GoldenSetReader reader = GoldenText.Jsonl(text);

        var error = Assert.Throws<GoldenSetFormatException>(() => reader.ReadExamples().ToList());
        Assert.Equal(4, error.Line);
        Assert.Equal("id", error.Field);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_rejects_a_record_without_a_field_the_evaluators_need()
    {
        string text = Header + "\n" + """{"id": "a", "input": "x", "expected": {"label": "billing"}}""" + "\n"
            + """{"id": "b", "input": "y", "expected": {"reference_answer": "SECRET"}}""" + "\n";
        using GoldenSetReader reader = GoldenText.Jsonl(text, GoldenFields.Label);

        var error = Assert.Throws<GoldenSetFormatException>(() => reader.ReadExamples().ToList());
        Assert.Equal(3, error.Line);
        Assert.Equal("expected.label", error.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"id": "a", "input": "x"}""")]
    [InlineData("""{"golden_set": "", "version": "1"}""")]
    [InlineData("""{"golden_set": "tickets"}""")]
    [InlineData("""{"golden_set": "tickets", "version": true}""")]
    public void Jsonl_requires_a_header_line(string first)
    {
        var error = Assert.Throws<GoldenSetFormatException>(() => GoldenText.Jsonl(first + "\n"));
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Csv_reads_columns_quoted_cells_and_lists()
    {
        const string Text = "id, input,expected_label,expected_required_facts,expected_required_citations,group\r\n"
            + "t-1,\"Hello, my \"\"order\"\"\nhas not arrived\",shipping,order | delay,kb-1|kb-2,fr\n"
            + "t-2,Invoice wrong,billing,,,en\r\n";
        using GoldenSetReader reader = GoldenSetReader.FromCsv(new StringReader(Text), "tickets.csv", "tickets", "1");
        GoldenExample[] examples = [.. reader.ReadExamples()];

        Assert.Equal(2, examples.Length);
        Assert.Equal("Hello, my \"order\"\nhas not arrived", examples[0].InputText);
        Assert.Equal(["order", "delay"], examples[0].Expected.RequiredFacts!);
        Assert.Equal(["kb-1", "kb-2"], examples[0].Expected.RequiredCitations!);
        Assert.Equal("fr", examples[0].Tags["group"]);
        Assert.Null(examples[1].Expected.RequiredFacts);
        Assert.Equal("billing", examples[1].Expected.Label);
    }

    [Theory]
    [InlineData("id,input\na,SECRET,extra\n", false, 2, null, "3 cells but the header names 2")]
    [InlineData("id,input\n,SECRET\n", false, 2, "id", "missing")]
    [InlineData("id,input\nb,\n", false, 2, "input", "empty")]
    [InlineData("id,input,expected_lable\na,SECRET,x\n", false, 1, "expected_lable", "not a known column")]
    [InlineData("input,expected_label\nSECRET,x\n", false, 1, "id", "no such column")]
    [InlineData("id,input\nok,fine\nb,\"SECRET\n", false, 3, null, "not closed")]
    [InlineData("id,input,expected_label\na,SECRET,x\nb,SECRET,\n", true, 3, "expected_label", "missing")]
    public void Csv_errors_name_file_line_and_field_and_never_quote_the_row(string text, bool requireLabel, int line, string? field, string problem)
    {
        using GoldenSetReader reader = GoldenSetReader.FromCsv(new StringReader(text.Replace("SECRET", GoldenText.Secret, StringComparison.Ordinal)), "tickets.csv", "tickets", "1", requireLabel ? GoldenFields.Label : GoldenFields.None);

        var error = Assert.Throws<GoldenSetFormatException>(() => reader.ReadExamples().ToList());
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains("tickets.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Marie", error.Message, StringComparison.Ordinal);
    }

    private sealed record TicketInput(string Subject, string Body);
}
