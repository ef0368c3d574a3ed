using System.Text.Json;
using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands.Pii;

public sealed class PiiCommandTests : IDisposable
{
    private readonly CliConsole _cli = new();
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "hybridai-pii-cli-" + Guid.NewGuid().ToString("N"));

    public PiiCommandTests() => Directory.CreateDirectory(_temp);

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_temp, recursive: true);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task Mask_replaces_personal_data_with_typed_placeholders_and_keeps_the_rest()
    {
        var code = await _cli.RunWithInputAsync("Write to jane.roe@example.org or +33 6 12 34 56 78.\nOrder 12 ships today.\n", "pii", "mask");

        Assert.Equal(0, code);
        Assert.Equal("Write to <EMAIL_1> or <PHONE_1>.\nOrder 12 ships today.\n", _cli.Output);
    }

    [Fact]
    public async Task Detect_writes_one_json_line_per_finding_without_the_text_unless_asked()
    {
        const string input = "Mail jane.roe@example.org, IBAN FR76 3000 6000 0112 3456 7890 189.";
        Assert.Equal(0, await _cli.RunWithInputAsync(input, "pii", "detect"));
        var lines = _cli.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, lines.Length);
        using (var email = JsonDocument.Parse(lines[0]))
        {
            Assert.Equal("EMAIL", email.RootElement.GetProperty("type").GetString());
            Assert.Equal(5, email.RootElement.GetProperty("start").GetInt32());
            Assert.Equal(25, email.RootElement.GetProperty("end").GetInt32());
            Assert.InRange(email.RootElement.GetProperty("score").GetDouble(), 0.5, 1);
            Assert.Equal("email", email.RootElement.GetProperty("recognizer").GetString());
            Assert.False(email.RootElement.TryGetProperty("text", out _));
        }
        Assert.DoesNotContain("jane", _cli.Output, StringComparison.Ordinal);

        Assert.Equal(0, await _cli.RunWithInputAsync(input, "pii", "detect", "--show-text"));
        using var shown = JsonDocument.Parse(_cli.Output.Split('\n')[1]);
        Assert.Equal("IBAN", shown.RootElement.GetProperty("type").GetString());
        Assert.Equal("FR76 3000 6000 0112 3456 7890 189", shown.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Eval_prints_per_type_and_exact_figures_and_ends_with_the_overall_line()
    {
        var data = Write("set.jsonl",
            "{\"text\":\"Mail jane.roe@example.org now\",\"spans\":[{\"type\":\"EMAIL\",\"start\":5,\"end\":25}]}\n" +
            "{\"text\":\"ask zorblax at the desk\",\"spans\":[{\"type\":\"PERSON\",\"start\":4,\"end\":11}]}\n" +
            "{\"text\":\"Order ORD-2024-118734 shipped\",\"spans\":[]}\n");

        Assert.Equal(0, await _cli.RunAsync("pii", "eval", "--data", data));
        var lines = _cli.Output.TrimEnd('\n').Split('\n');

        Assert.Contains(lines, l => l.StartsWith("3 records, 2 labelled spans", StringComparison.Ordinal));
        Assert.Contains("exact spans (type and both ends must match):", lines);
        var emailRows = lines.Where(l => l.TrimStart().StartsWith("EMAIL ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, emailRows.Count); // by type, then exact
        Assert.EndsWith("1.000   1.000  1.000  1.000", emailRows[0], StringComparison.Ordinal);
        var personRow = lines.First(l => l.TrimStart().StartsWith("PERSON ", StringComparison.Ordinal));
        Assert.Contains(" 0.000", personRow, StringComparison.Ordinal);
        // The last line, with one email found out of two labels and nothing wrong found.
        Assert.Matches(@"^overall: precision 1\.000 recall 0\.500 f1 0\.667 f2 0\.556$", lines[^1]);
    }

    [Fact]
    public async Task Eval_on_the_committed_set_reports_every_value_between_0_and_1()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            dir = dir.Parent;
        Assert.NotNull(dir);

        Assert.Equal(0, await _cli.RunAsync("pii", "eval", "--data", Path.Combine(dir.FullName, "data", "pii-eval", "pii-eval.jsonl")));
        var last = _cli.Output.TrimEnd('\n').Split('\n')[^1];
        var m = System.Text.RegularExpressions.Regex.Match(last, @"^overall: precision ([01]\.\d{3}) recall ([01]\.\d{3}) f1 ([01]\.\d{3}) f2 ([01]\.\d{3})$");
        Assert.True(m.Success, last);
        Assert.All(m.Groups.Values.Skip(1), g => Assert.InRange(double.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture), 0.01, 1.0));
        Assert.Contains("2400 records", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_names_the_file_line_and_field_of_a_bad_record()
    {
        var data = Write("bad.jsonl", "{\"text\":\"ok\",\"spans\":[]}\n{\"text\":\"short\",\"spans\":[{\"type\":\"EMAIL\",\"start\":2,\"end\":40}]}\n");

        Assert.Equal(HybridAICommand.InputError, await _cli.RunAsync("pii", "eval", "--data", data));
        Assert.Contains("bad.jsonl line 2: spans[0].end: 40 is beyond the text", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_of_a_missing_or_empty_file_is_an_input_error()
    {
        var missing = Path.Combine(_temp, "none.jsonl");
        Assert.Equal(HybridAICommand.InputError, await _cli.RunAsync("pii", "eval", "--data", missing));
        Assert.Contains("none.jsonl does not exist", _cli.Flat, StringComparison.Ordinal);

        Assert.Equal(HybridAICommand.InputError, await _cli.RunAsync("pii", "eval", "--data", Write("empty.jsonl", "\n")));
        Assert.Contains("has no records", _cli.Flat, StringComparison.Ordinal);
    }
}
