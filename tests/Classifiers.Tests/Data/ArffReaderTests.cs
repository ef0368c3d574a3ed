using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tests.Data;

public sealed class ArffReaderTests
{
    private const string Sample = """
        % a comment before the header
        @relation 'loan applications'
        @attribute 'account holder' string
        @attribute age integer
        @attribute income real   % trailing comment
        @attribute purpose {'new car', radio/tv, 'a, b'}
        @attribute class {good, bad}

        @data
        'Jane Doe', 34, 5200.5, 'new car', good
        "John \"JJ\" Smith",?,1200,radio/tv,bad
        % a comment between rows
        ?, 51, ?, 'a, b', good
        '?', 20, 800, ?, bad
        """;

    [Fact]
    public void Reads_types_quotes_comments_and_missing_values()
    {
        var data = ArffReader.Read(new StringReader(Sample), "sample.arff");

        Assert.Equal(4, data.RowCount);
        Assert.Equal("class", data.LabelColumn);
        Assert.Equal(["account holder", "age", "income", "purpose", "class"], data.Columns.Select(c => c.Name));
        Assert.Equal(new string?[] { "Jane Doe", "John \"JJ\" Smith", null, "?" }, data["account holder"].Categories.ToArray());
        Assert.Equal(TabularColumnKind.Numeric, data["age"].Kind);
        Assert.Equal(34, data["age"].Numbers[0]);
        Assert.True(double.IsNaN(data["age"].Numbers[1]));
        Assert.Equal(5200.5, data["income"].Numbers[0]);
        Assert.True(double.IsNaN(data["income"].Numbers[2]));
        Assert.Equal(new string?[] { "new car", "radio/tv", "a, b", null }, data["purpose"].Categories.ToArray());
        Assert.Equal(["new car", "radio/tv", "a, b"], data["purpose"].DeclaredCategories);
        Assert.Equal(["good", "bad", "good", "bad"], data.Labels());
    }

    [Fact]
    public void A_named_label_column_replaces_the_last_attribute()
    {
        var data = ArffReader.Read(new StringReader(Sample), "sample.arff", labelColumn: "purpose");

        Assert.Equal("purpose", data.LabelColumn);
        Assert.Contains(data.FeatureColumns, c => c.Name == "class");
    }

    [Theory]
    [InlineData("@attribute a numeric\n@data\n1,2\n", 3, null, "2 values")]
    [InlineData("@attribute a numeric\n@data\nSECRET-7\n", 3, "a", "not a number")]
    [InlineData("@attribute a {x,y}\n@data\nSECRET-7\n", 3, "a", "declared categories")]
    [InlineData("@attribute a numeric\n@data\n'SECRET-7\n", 3, null, "not closed")]
    [InlineData("@attribute a numeric\n@data\n{0 1}\n", 3, null, "sparse")]
    [InlineData("@attribute a relational\n@data\n", 1, "a", "not supported")]
    [InlineData("@attribute a numeric\n@attribute a numeric\n@data\n", 2, "a", "twice")]
    [InlineData("@relation r\n@attribute a numeric\n", 2, null, "no @data")]
    [InlineData("hello\n", 1, null, "expected @relation")]
    public void Syntax_errors_name_the_file_line_and_column_but_not_the_value(string text, int line, string? column, string problem)
    {
        var error = Assert.Throws<TabularDataException>(() => ArffReader.Read(new StringReader(text), "bad.arff"));

        Assert.Equal("bad.arff", error.SourceName);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.arff, line {line}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_label_column_is_an_error()
    {
        var error = Assert.Throws<TabularDataException>(() => ArffReader.Read(new StringReader(Sample), "sample.arff", labelColumn: "risk"));

        Assert.Equal("risk", error.Column);
    }

    [GermanCreditFact]
    public void Reads_the_real_german_credit_file()
    {
        var data = GermanCredit.Load();

        Assert.Equal(1000, data.RowCount);
        Assert.Equal(21, data.Columns.Count);
        Assert.Equal("class", data.LabelColumn);
        Assert.Equal(20, data.FeatureColumns.Count());
        Assert.Equal(7, data.Columns.Count(c => c.Kind == TabularColumnKind.Numeric));
        var labels = data.Labels();
        Assert.Equal(700, labels.Count(l => l == "good"));
        Assert.Equal(300, labels.Count(l => l == "bad"));
        Assert.Equal("radio/tv", data["purpose"].Categories[0]);
        Assert.Equal("critical/other existing credit", data["credit_history"].Categories[0]);
        Assert.Equal(1169, data["credit_amount"].Numbers[0]);
    }
}
