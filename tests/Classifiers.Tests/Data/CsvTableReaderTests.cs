using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tests.Data;

public sealed class CsvTableReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hybridai-tabular-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Reads_rfc4180_quotes_and_infers_numeric_and_categorical_columns()
    {
        var csv = "amount,merchant,note,is_fraud\r\n"
            + "12.5,\"Shop, Inc.\",\"said \"\"hi\"\"\",no\r\n"
            + "1e3,Cafe,\"two\nlines\",yes\r\n"
            + ",?,\"\",no\r\n";
        var path = Path.Combine(_directory, "payments.csv");
        File.WriteAllText(path, csv);

        var data = CsvTableReader.ReadFile(path, labelColumn: "is_fraud");

        Assert.Equal(3, data.RowCount);
        Assert.Equal(TabularColumnKind.Numeric, data["amount"].Kind);
        Assert.Equal([12.5, 1000], data["amount"].Numbers[..2].ToArray());
        Assert.True(double.IsNaN(data["amount"].Numbers[2]));
        Assert.Equal(new string?[] { "Shop, Inc.", "Cafe", null }, data["merchant"].Categories.ToArray());
        Assert.Equal(new string?[] { "said \"hi\"", "two\nlines", "" }, data["note"].Categories.ToArray());
        Assert.Equal(["no", "yes", "no"], data.Labels());
    }

    [Fact]
    public void A_column_with_any_non_number_is_categorical()
    {
        var data = CsvTableReader.Read(new StringReader("zip,score\n01234,1\nA1,2\n"), "zips.csv");

        Assert.Equal(TabularColumnKind.Categorical, data["zip"].Kind);
        Assert.Equal("01234", data["zip"].Categories[0]);
        Assert.Equal(TabularColumnKind.Numeric, data["score"].Kind);
        Assert.Null(data.LabelColumn);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", 3, "1 fields")]
    [InlineData("a,b\n1,\"SECRET\n", 2, "not closed")]
    [InlineData("a,b\n1,\"SECRET\"x\n", 2, "after the closing quote")]
    [InlineData("a,b\n1,SE\"CRET\n", 2, "quote inside")]
    [InlineData("a,,c\n1,2,3\n", 1, "header field 2 is empty")]
    [InlineData("", 1, "empty")]
    [InlineData("x,y\n\"multi\nline\",1\n1,2,3\n", 4, "3 fields")]
    public void Malformed_csv_names_the_file_and_line_but_not_the_value(string text, int line, string problem)
    {
        var error = Assert.Throws<TabularDataException>(() => CsvTableReader.Read(new StringReader(text), "bad.csv"));

        Assert.Equal("bad.csv", error.SourceName);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_header_names_and_unknown_label_columns_are_named()
    {
        var duplicate = Assert.Throws<TabularDataException>(() => CsvTableReader.Read(new StringReader("a,a\n1,2\n"), "d.csv"));
        var unknown = Assert.Throws<TabularDataException>(() => CsvTableReader.Read(new StringReader("a,b\n1,2\n"), "d.csv", labelColumn: "label"));

        Assert.Equal("a", duplicate.Column);
        Assert.Equal("label", unknown.Column);
    }

    [Fact]
    public void Semicolon_delimited_files_read_with_a_delimiter()
    {
        var data = CsvTableReader.Read(new StringReader("a;b\n1,5;x\n"), "eu.csv", delimiter: ';');

        Assert.Equal(TabularColumnKind.Categorical, data["a"].Kind);
        Assert.Equal("1,5", data["a"].Categories[0]);
        Assert.Equal("x", data["b"].Categories[0]);
    }
}
