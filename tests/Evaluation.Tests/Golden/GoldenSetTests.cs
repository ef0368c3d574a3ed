using HybridAI.Evaluation.Evaluators;
using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Tests.Golden;

public sealed class GoldenSetTests
{
    private const string Header = """{"golden_set": "tickets", "version": "1"}""" + "\n";

    [Fact]
    public void Content_hash_ignores_line_order_and_json_formatting_but_not_values()
    {
        GoldenSet a = GoldenText.Set(Header
            + """{"id": "1", "input": {"a": 1, "b": "x"}, "expected": {"label": "billing"}}""" + "\n"
            + """{"id": "2", "input": "text", "group": "fr"}""" + "\n");
        GoldenSet reordered = GoldenText.Set(Header
            + """{"group": "fr", "input": "text", "id": "2"}""" + "\n"
            + """{ "expected" : { "label" : "billing" }, "id": "1", "input": {"b": "x", "a": 1} }""" + "\n");
        GoldenSet changed = GoldenText.Set(Header
            + """{"id": "1", "input": {"a": 1, "b": "x"}, "expected": {"label": "shipping"}}""" + "\n"
            + """{"id": "2", "input": "text", "group": "fr"}""" + "\n");

        Assert.Matches("^[0-9a-f]{64}$", a.Reference.ContentHash);
        Assert.Equal(a.Reference.ContentHash, reordered.Reference.ContentHash);
        Assert.NotEqual(a.Reference.ContentHash, changed.Reference.ContentHash);
        Assert.Equal(new GoldenSetReference("tickets", "1", a.Reference.ContentHash, 2), a.Reference);
    }

    [Fact]
    public void Load_reads_jsonl_and_csv_files_from_disk()
    {
        string dir = Directory.CreateTempSubdirectory("golden").FullName;
        try
        {
            string jsonl = Path.Combine(dir, "set.jsonl");
            File.WriteAllText(jsonl, Header + """{"id": "1", "input": "hello", "expected": {"label": "greeting"}}""" + "\n");
            string csv = Path.Combine(dir, "set.csv");
            File.WriteAllText(csv, "id,input,expected_label\n1,hello,greeting\n");

            GoldenSet fromJsonl = GoldenSet.LoadJsonl(jsonl, GoldenFields.Label);
            GoldenSet fromCsv = GoldenSet.LoadCsv(csv, "tickets", "1", GoldenFields.Label);

            Assert.Equal("greeting", fromJsonl.Examples[0].Expected.Label);
            // The same records in either format hash the same.
            Assert.Equal(fromJsonl.Reference, fromCsv.Reference);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Stratified_sample_keeps_each_labels_share_and_is_deterministic()
    {
        GoldenSet set = Labelled(("billing", 60), ("shipping", 30), ("legal", 10));

        GoldenSet sample = set.Sample(20, stratifyBy: "label", seed: 7);
        Dictionary<string, int> counts = sample.Examples.GroupBy(e => e.Expected.Label!).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(20, sample.Count);
        Assert.Equal(12, counts["billing"]);
        Assert.Equal(6, counts["shipping"]);
        Assert.Equal(2, counts["legal"]);
        Assert.Equal(sample.Reference.ContentHash, set.Sample(20, "label", 7).Reference.ContentHash);
        Assert.NotEqual(sample.Reference.ContentHash, set.Reference.ContentHash);
        Assert.Equal("tickets", sample.Reference.Name);
    }

    [Fact]
    public void Sample_does_not_depend_on_the_file_order()
    {
        GoldenSet set = Labelled(("a", 25), ("b", 15));
        GoldenSet reversed = new("tickets", "1", set.Examples.Reverse());

        Assert.Equal(
            set.Sample(10, "label", 3).Examples.Select(e => e.Id).Order(),
            reversed.Sample(10, "label", 3).Examples.Select(e => e.Id).Order());
        Assert.NotEqual(
            set.Sample(10, "label", 3).Examples.Select(e => e.Id).Order(),
            set.Sample(10, "label", 4).Examples.Select(e => e.Id).Order());
    }

    [Fact]
    public void Sample_keeps_a_rare_stratum_and_returns_everything_when_asked_for_more()
    {
        GoldenSet set = Labelled(("common", 98), ("rare", 2));

        Assert.Contains(set.Sample(10, "label", 1).Examples, e => e.Expected.Label == "rare");
        Assert.Equal(100, set.Sample(500, "label", 1).Count);
        Assert.Equal(5, set.Sample(5).Count);
        Assert.Empty(set.Sample(0, "label").Examples);
    }

    [Fact]
    public void Sample_by_a_tag_puts_untagged_examples_in_their_own_stratum()
    {
        var examples = Enumerable.Range(0, 10).Select(i => new GoldenExample(
            $"e{i}",
            System.Text.Json.JsonSerializer.SerializeToElement("x"),
            new GoldenExpected(),
            i < 5 ? new Dictionary<string, string> { ["group"] = "fr" } : new Dictionary<string, string>())).ToList();
        GoldenSet sample = new GoldenSet("s", "1", examples).Sample(4, stratifyBy: "group", seed: 2);

        Assert.Equal(2, sample.Examples.Count(e => e.Tags.ContainsKey("group")));
        Assert.Equal(2, sample.Examples.Count(e => !e.Tags.ContainsKey("group")));
    }

    [Fact]
    public void A_set_rejects_repeated_ids_and_required_by_unions_the_evaluators_needs()
    {
        GoldenExample one = GoldenText.Example(id: "x");
        var error = Assert.Throws<ArgumentException>(() => new GoldenSet("s", "1", [one, one]));
        Assert.Contains("examples[1]", error.Message, StringComparison.Ordinal);

        IEvaluator<string>[] evaluators = [new ExactMatchEvaluator(), new RequiredFactsEvaluator(), new LengthEvaluator(new LengthLimits(MaxChars: 10))];
        Assert.Equal(GoldenFields.Label | GoldenFields.RequiredFacts, GoldenSet.RequiredBy(evaluators));
    }

    private static GoldenSet Labelled(params (string Label, int Count)[] strata)
    {
        var lines = new System.Text.StringBuilder(Header);
        int n = 0;
        foreach ((string label, int count) in strata)
        {
            for (int i = 0; i < count; i++)
            {
                lines.Append("{\"id\": \"").Append(n++).Append("\", \"input\": \"x\", \"expected\": {\"label\": \"").Append(label).Append("\"}}\n");
            }
        }

        return GoldenText.Set(lines.ToString());
    }
}
