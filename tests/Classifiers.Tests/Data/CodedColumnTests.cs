using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tests.Data;

/// <summary>A categorical column may be built from integer codes; it must read back as the same names.</summary>
public sealed class CodedColumnTests
{
    [Fact]
    public void A_column_from_codes_reads_back_as_its_names_with_minus_one_missing()
    {
        var column = TabularColumn.Categorical("purpose", [1, 0, -1, 1], ["car", "tv"]);

        Assert.Equal(TabularColumnKind.Categorical, column.Kind);
        Assert.Equal(4, column.Count);
        Assert.Equal(new string?[] { "tv", "car", null, "tv" }, column.Categories.ToArray());
    }

    [Fact]
    public void Selecting_rows_of_a_coded_column_keeps_their_names()
    {
        var data = new TabularData([TabularColumn.Categorical("purpose", [1, 0, -1, 1], ["car", "tv"])]);

        var picked = data.Select([2, 1, 1]);

        Assert.Equal(new string?[] { null, "car", "car" }, picked["purpose"].Categories.ToArray());
    }

    [Fact]
    public void A_code_outside_the_levels_is_rejected_naming_the_column_and_row()
    {
        var error = Assert.Throws<TabularDataException>(() => TabularColumn.Categorical("purpose", [0, 2], ["car", "tv"]));

        Assert.Contains("purpose", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
        Assert.Throws<TabularDataException>(() => TabularColumn.Categorical("purpose", [-2], ["car"]));
    }

    [Fact]
    public void Repeated_or_null_levels_are_rejected()
    {
        Assert.Throws<TabularDataException>(() => TabularColumn.Categorical("purpose", [0], ["car", "car"]));
        Assert.Throws<TabularDataException>(() => TabularColumn.Categorical("purpose", [0], ["car", null!]));
    }

    [Fact]
    public void Arff_nominal_values_read_as_names_and_a_repeated_declaration_is_one_level()
    {
        const string text = """
            @relation r
            @attribute purpose {car, tv, car}
            @attribute class {good, bad}
            @data
            tv, good
            car, bad
            ?, good
            """;

        var data = ArffReader.Read(new StringReader(text), "r.arff");

        Assert.Equal(new string?[] { "tv", "car", null }, data["purpose"].Categories.ToArray());
        Assert.Equal(["car", "tv"], data["purpose"].DeclaredCategories);
        Assert.Equal(["good", "bad", "good"], data.Labels());
    }
}
