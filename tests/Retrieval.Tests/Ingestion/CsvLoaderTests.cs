using HybridAI.Retrieval.Ingestion;

namespace HybridAI.Retrieval.Tests.Ingestion;

public sealed class CsvLoaderTests
{
    [Fact]
    public async Task Quoted_fields_with_commas_quotes_and_line_breaks_load()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("faq.csv",
            "id,text,source,lang\r\n" +
            "1,\"Refunds, returns and \"\"exchanges\"\"\",Returns,en\r\n" +
            "2,\"Première ligne\nseconde ligne\",,fr\r\n" +
            "3,Plain text,Plain,\r\n");

        DocumentLoadResult result = await new CsvLoader().LoadAsync(path);

        Assert.True(result.Succeeded, string.Join("; ", result.Failures));
        Assert.Equal(["1", "2", "3"], result.Documents.Select(d => d.Id));
        Assert.Equal("Refunds, returns and \"exchanges\"", result.Documents[0].Text);
        Assert.Equal("Première ligne\nseconde ligne", result.Documents[1].Text);
        Assert.Equal("faq.csv", result.Documents[1].Source);
        Assert.Equal("fr", result.Documents[1].Metadata["lang"]);
        Assert.False(result.Documents[2].Metadata.ContainsKey("lang"));
    }

    [Fact]
    public async Task Bad_records_are_reported_by_line_and_the_rest_load()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("kb.csv",
            "id,text\n" +
            "a,\"spans\ntwo lines\"\n" +   // lines 2-3
            "b,too,many\n" +               // line 4
            "c,\"bad\"quote\n" +           // line 5
            ",no id\n" +                   // line 6
            "d,fine\n" +                   // line 7
            "e,\"never closed\n");         // line 8

        DocumentLoadResult result = await new CsvLoader().LoadAsync(path);

        Assert.Equal(["a", "d"], result.Documents.Select(d => d.Id));
        Assert.Equal([4, 5, 6, 8], result.Failures.Select(f => f.Line));
        Assert.Contains("expected 2 fields but found 3", result.Failures[0].Reason, StringComparison.Ordinal);
        Assert.Contains("never closed", result.Failures[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_text_column_throws_naming_the_column_and_file()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("bad.csv", "id,body\n1,hello\n");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => new CsvLoader().LoadAsync(path).AsTask());

        Assert.Contains("'text'", error.Message, StringComparison.Ordinal);
        Assert.Contains("bad.csv(1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Column_names_delimiter_and_metadata_columns_are_configurable()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("kb.csv", "Ref;Answer;Lang;Internal\nK1;Pay by card;en;secret\n");
        var options = new CsvLoaderOptions { Delimiter = ';', IdColumn = "ref", TextColumn = "answer", MetadataColumns = ["Lang"] };

        var document = Assert.Single((await new CsvLoader(options).LoadAsync(path)).ThrowIfFailed().Documents);

        Assert.Equal(("K1", "Pay by card"), (document.Id, document.Text));
        Assert.Equal(["Lang"], document.Metadata.Keys);
    }
}
