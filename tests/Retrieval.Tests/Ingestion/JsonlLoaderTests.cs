using HybridAI.Retrieval.Ingestion;

namespace HybridAI.Retrieval.Tests.Ingestion;

public sealed class JsonlLoaderTests
{
    [Fact]
    public async Task Malformed_line_is_reported_with_file_and_line_while_the_others_load()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("kb.jsonl", string.Join('\n',
            """{"id":"a","text":"Refund policy","source":"Refunds","metadata":{"lang":"en","views":12,"draft":false,"gone":null}}""",
            "",
            """{"id":"b","text":"Mot de passe oublié" """,
            """{"id":"c","text":"Shipping times"}""",
            """{"id":"d"}""",
            """[1,2]""",
            """{"id":7,"text":"Numeric ids are fine"}"""));

        DocumentLoadResult result = await new JsonlLoader().LoadAsync(path);

        Assert.Equal(["a", "c", "7"], result.Documents.Select(d => d.Id));
        Assert.Equal("Refunds", result.Documents[0].Source);
        Assert.Equal("kb.jsonl", result.Documents[1].Source);
        Assert.Equal("en", result.Documents[0].Metadata["lang"]);
        Assert.Equal("12", result.Documents[0].Metadata["views"]);
        Assert.Equal("false", result.Documents[0].Metadata["draft"]);
        Assert.False(result.Documents[0].Metadata.ContainsKey("gone"));

        Assert.False(result.Succeeded);
        Assert.Equal([3, 5, 6], result.Failures.Select(f => f.Line));
        Assert.All(result.Failures, f => Assert.Equal(path, f.File));
        Assert.StartsWith("invalid JSON", result.Failures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("'text'", result.Failures[1].Reason, StringComparison.Ordinal);
        Assert.Contains("object", result.Failures[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThrowIfFailed_names_file_and_line_but_not_the_content()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("tickets.jsonl", "{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\",\"text\":\"jane.doe@example.com\n");

        DocumentLoadResult result = await new JsonlLoader().LoadAsync(path);
        var error = Assert.Throws<DocumentLoadException>(() => result.ThrowIfFailed());

        Assert.Contains($"{path}(2)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", error.Message, StringComparison.Ordinal);
        Assert.Single(result.Documents);
    }

    [Fact]
    public async Task Field_names_are_configurable()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("faq.jsonl", """{"key":"q1","body":"How do I pay?","title":"Payments","tags":{"lang":"en"}}""" + "\n");
        var options = new JsonlLoaderOptions { IdField = "key", TextField = "body", SourceField = "title", MetadataField = "tags" };

        DocumentLoadResult result = await new JsonlLoader(options).LoadAsync(path);

        var document = Assert.Single(result.ThrowIfFailed().Documents);
        Assert.Equal(("q1", "How do I pay?", "Payments", "en"), (document.Id, document.Text, document.Source, document.Metadata["lang"]));
    }

    [Fact]
    public async Task Duplicate_id_is_reported_on_the_second_line()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("dup.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\r\n{\"id\":\"x\",\"text\":\"two\"}\r\n");

        DocumentLoadResult result = await new JsonlLoader().LoadAsync(path);

        Assert.Equal("one", Assert.Single(result.Documents).Text);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(2, failure.Line);
        Assert.Contains("line 1", failure.Reason, StringComparison.Ordinal);
    }
}
