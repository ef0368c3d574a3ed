using System.Globalization;
using System.Text;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Ingestion;

namespace HybridAI.Retrieval.Tests.Ingestion;

public sealed class StreamingLoaderTests
{
    [Fact]
    public async Task Jsonl_stream_yields_the_first_records_before_it_reaches_a_bad_last_line()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("tickets.jsonl", "{\"id\":\"a\",\"text\":\"first\"}\n\n{\"id\":\"b\",\"text\":\"second\"}\n{\"id\":\"c\",\"text\":\"jane.doe@example.com\n");

        await using var records = new JsonlLoader().StreamAsync(path).GetAsyncEnumerator();

        Assert.True(await records.MoveNextAsync());
        Assert.Equal(("a", "first"), (records.Current.Id, records.Current.Text));
        Assert.True(await records.MoveNextAsync());
        Assert.Equal("b", records.Current.Id);
        var error = await Assert.ThrowsAsync<DocumentLoadException>(async () => await records.MoveNextAsync());
        var failure = Assert.Single(error.Failures);
        Assert.Equal((path, 4), (failure.File, failure.Line));
        Assert.Contains($"{path}(4): invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_stream_yields_the_first_records_before_it_reaches_a_bad_last_record_and_names_its_field()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("faq.csv", "id,text\r\n1,\"two\r\nlines\"\r\n2,plain\r\n3,\n");

        await using var records = new CsvLoader().StreamAsync(path).GetAsyncEnumerator();

        Assert.True(await records.MoveNextAsync());
        Assert.Equal("two\r\nlines", records.Current.Text);
        Assert.True(await records.MoveNextAsync());
        Assert.Equal("2", records.Current.Id);
        var error = await Assert.ThrowsAsync<DocumentLoadException>(async () => await records.MoveNextAsync());
        Assert.Equal($"{path}(5): empty 'text'", Assert.Single(error.Failures).ToString());
    }

    [Fact]
    public async Task Line_numbers_stay_right_across_many_buffer_refills_with_quoted_line_breaks()
    {
        using var dir = new TempDirectory();
        var csv = new StringBuilder("id,text\n");
        var jsonl = new StringBuilder();
        const int Records = 20_000;   // each CSV record spans two lines: several hundred KiB, many 64 KiB buffers
        for (int i = 0; i < Records; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"r{i},\"record {i} says \"\"hello\"\"\r\nand goes on, {new string('x', i % 50)}\"\r\n");
            jsonl.Append(CultureInfo.InvariantCulture, $"{{\"id\":\"r{i}\",\"text\":\"record {i} {new string('x', i % 50)}\"}}\r\n");
        }

        string csvPath = dir.Write("big.csv", csv.Append("bad,\"unexpected\"x\n").ToString());
        string jsonlPath = dir.Write("big.jsonl", jsonl.Append("{\"id\":\"bad\"}\n").ToString());

        var csvRead = new List<SourceDocument>();
        var csvError = await Assert.ThrowsAsync<DocumentLoadException>(async () =>
        {
            await foreach (var d in new CsvLoader().StreamAsync(csvPath))
            {
                csvRead.Add(d);
            }
        });
        var jsonlRead = new List<SourceDocument>();
        var jsonlError = await Assert.ThrowsAsync<DocumentLoadException>(async () =>
        {
            await foreach (var d in new JsonlLoader().StreamAsync(jsonlPath))
            {
                jsonlRead.Add(d);
            }
        });

        Assert.Equal(Records, csvRead.Count);
        Assert.Equal("record 12345 says \"hello\"\r\nand goes on, " + new string('x', 12345 % 50), csvRead[12345].Text);
        Assert.Equal(2 + (2 * Records), Assert.Single(csvError.Failures).Line);
        Assert.Equal(Records, jsonlRead.Count);
        Assert.Equal("record 19999 " + new string('x', 19999 % 50), jsonlRead[^1].Text);
        Assert.Equal(Records + 1, Assert.Single(jsonlError.Failures).Line);
    }

    [Fact]
    public async Task A_line_or_field_over_the_limit_is_a_bad_record_and_reading_goes_on()
    {
        using var dir = new TempDirectory();
        string jsonl = dir.Write("long.jsonl", $"{{\"id\":\"a\",\"text\":\"{new string('y', 500)}\"}}\n{{\"id\":\"b\",\"text\":\"short\"}}\n");
        string csv = dir.Write("open.csv", "id,text\n1,\"opened and never closed, " + new string('z', 500) + "\n2,after\n");

        var jsonlResult = await new JsonlLoader(new JsonlLoaderOptions { MaxLineChars = 100 }).LoadAsync(jsonl);
        var csvResult = await new CsvLoader(new CsvLoaderOptions { MaxFieldChars = 100 }).LoadAsync(csv);

        Assert.Equal("b", Assert.Single(jsonlResult.Documents).Id);
        Assert.Equal($"{jsonl}(1): the line is longer than 100 characters", Assert.Single(jsonlResult.Failures).ToString());
        Assert.Equal("2", Assert.Single(csvResult.Documents).Id);
        Assert.Equal($"{csv}(2): quoted field opened on line 2 is longer than 100 characters (is its closing quote missing?)", Assert.Single(csvResult.Failures).ToString());
    }

    [Fact]
    public async Task A_stream_lets_a_repeated_id_through_where_LoadAsync_reports_it()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("dup.jsonl", "{\"id\":\"x\",\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n");

        var streamed = new List<string>();
        await foreach (var d in new JsonlLoader().StreamAsync(path))
        {
            streamed.Add(d.Text);
        }

        Assert.Equal(["one", "two"], streamed);
        Assert.Equal(2, Assert.Single((await new JsonlLoader().LoadAsync(path)).Failures).Line);
    }

    [Fact]
    public async Task A_single_document_loader_streams_through_the_default_implementation()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("notes.md", "# Notes\n\nSome text.\n");

        var documents = new List<SourceDocument>();
        await foreach (var d in DocumentLoaders.ForFile(path).StreamAsync(path))
        {
            documents.Add(d);
        }

        var document = Assert.Single(documents);
        Assert.Equal(("notes.md", "Notes"), (document.Id, document.Source));
    }

    [Fact]
    public async Task A_csv_header_without_the_text_column_fails_on_the_first_read()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("bad.csv", "id,body\n1,hello\n");

        var records = new CsvLoader().StreamAsync(path).GetAsyncEnumerator();
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await records.MoveNextAsync());
        await records.DisposeAsync();

        Assert.Equal($"{path}(1): the header has no column 'text'.", error.Message);
    }
}
