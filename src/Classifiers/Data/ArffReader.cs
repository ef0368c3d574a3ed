using System.Globalization;

namespace HybridAI.Classifiers.Data;

/// <summary>
/// Reads Weka's ARFF format (dense data): <c>@relation</c>, <c>@attribute name {a,b,…}</c> /
/// <c>numeric</c> / <c>real</c> / <c>integer</c> / <c>string</c> / <c>date</c>, then <c>@data</c>
/// rows. Values may be quoted with ' or " (to hold spaces or commas), <c>?</c> marks a missing
/// value and <c>%</c> starts a comment. Nominal, string and date attributes become categorical columns.
/// </summary>
/// <example>
/// <code>
/// TabularData credit = ArffReader.ReadFile("/usr/share/doc/weka/examples/credit-g.arff");
/// Console.WriteLine($"{credit.RowCount} rows, label '{credit.LabelColumn}'");
/// </code>
/// </example>
public static class ArffReader
{
    // Nominal values are coded while reading (the index of the first declaration of that name), which also checks them.
    private sealed record Attribute(string Name, bool IsNumeric, string[]? Nominal, Dictionary<string, int>? NominalCodes);

    /// <summary>Reads an ARFF file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="labelColumn">The attribute to predict; null means the last attribute (Weka's convention).</param>
    /// <exception cref="TabularDataException">The file is not valid ARFF; the message names the file, line and attribute.</exception>
    public static TabularData ReadFile(string path, string? labelColumn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), labelColumn);
    }

    /// <summary>Reads ARFF text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">A name for the source, used in error messages.</param>
    /// <param name="labelColumn">The attribute to predict; null means the last attribute.</param>
    /// <exception cref="TabularDataException">The text is not valid ARFF.</exception>
    public static TabularData Read(TextReader reader, string sourceName, string? labelColumn = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var attributes = new List<Attribute>();
        var lineNumber = 0;
        var inData = false;
        List<double>[]? numbers = null;
        List<string?>[]? categories = null;
        List<int>[]? codes = null;
        while (reader.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.AsSpan().Trim();
            if (line.IsEmpty || line[0] == '%')
            {
                continue;
            }

            if (!inData)
            {
                if (line.StartsWith("@relation", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (line.StartsWith("@attribute", StringComparison.OrdinalIgnoreCase))
                {
                    var attribute = ParseAttribute(line["@attribute".Length..], sourceName, lineNumber);
                    if (attributes.Exists(a => a.Name == attribute.Name))
                    {
                        throw new TabularDataException("the attribute is declared twice.", sourceName, lineNumber, attribute.Name);
                    }

                    attributes.Add(attribute);
                    continue;
                }

                if (line.StartsWith("@data", StringComparison.OrdinalIgnoreCase))
                {
                    if (attributes.Count == 0)
                    {
                        throw new TabularDataException("@data comes before any @attribute.", sourceName, lineNumber, null);
                    }

                    inData = true;
                    numbers = new List<double>[attributes.Count];
                    categories = new List<string?>[attributes.Count];
                    codes = new List<int>[attributes.Count];
                    for (var a = 0; a < attributes.Count; a++)
                    {
                        if (attributes[a].IsNumeric)
                        {
                            numbers[a] = [];
                        }
                        else if (attributes[a].NominalCodes is not null)
                        {
                            codes[a] = [];
                        }
                        else
                        {
                            categories[a] = [];
                        }
                    }

                    continue;
                }

                throw new TabularDataException("expected @relation, @attribute or @data.", sourceName, lineNumber, null);
            }

            if (line[0] == '{')
            {
                throw new TabularDataException("sparse ARFF rows are not supported.", sourceName, lineNumber, null);
            }

            var fields = DelimitedFields.SplitArff(line, sourceName, lineNumber);
            if (fields.Count != attributes.Count)
            {
                throw new TabularDataException($"the row has {fields.Count} values but {attributes.Count} attributes are declared.", sourceName, lineNumber, null);
            }

            for (var a = 0; a < attributes.Count; a++)
            {
                var attribute = attributes[a];
                var field = fields[a];
                var missing = !field.Quoted && field.Text == "?";
                if (attribute.IsNumeric)
                {
                    if (missing)
                    {
                        numbers![a].Add(double.NaN);
                    }
                    else if (double.TryParse(field.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                    {
                        numbers![a].Add(value);
                    }
                    else
                    {
                        throw new TabularDataException("the value is not a number.", sourceName, lineNumber, attribute.Name);
                    }
                }
                else if (attribute.NominalCodes is { } declared)
                {
                    if (missing)
                    {
                        codes![a].Add(-1);
                    }
                    else if (declared.TryGetValue(field.Text, out var code))
                    {
                        codes![a].Add(code);
                    }
                    else
                    {
                        throw new TabularDataException("the value is not one of the attribute's declared categories.", sourceName, lineNumber, attribute.Name);
                    }
                }
                else
                {
                    categories![a].Add(missing ? null : field.Text);
                }
            }
        }

        if (!inData)
        {
            throw new TabularDataException("the file has no @data section.", sourceName, lineNumber, null);
        }

        var columns = new TabularColumn[attributes.Count];
        for (var a = 0; a < columns.Length; a++)
        {
            var attribute = attributes[a];
            columns[a] = attribute.IsNumeric ? TabularColumn.OwnNumbers(attribute.Name, [.. numbers![a]])
                : attribute.NominalCodes is null ? TabularColumn.OwnCategories(attribute.Name, [.. categories![a]], null)
                : TabularColumn.OwnCodes(attribute.Name, [.. codes![a]], attribute.Nominal!, attribute.Nominal);
        }

        var label = labelColumn ?? attributes[^1].Name;
        if (!attributes.Exists(a => a.Name == label))
        {
            throw new TabularDataException("the label column is not an attribute of the file.", sourceName, null, label);
        }

        return new TabularData(columns, label);
    }

    private static Attribute ParseAttribute(ReadOnlySpan<char> rest, string source, int lineNumber)
    {
        rest = rest.TrimStart();
        string name;
        if (!rest.IsEmpty && (rest[0] == '\'' || rest[0] == '"'))
        {
            var close = rest[1..].IndexOf(rest[0]);
            if (close < 0)
            {
                throw new TabularDataException("the attribute's quoted name is not closed.", source, lineNumber, null);
            }

            name = rest.Slice(1, close).ToString();
            rest = rest[(close + 2)..].TrimStart();
        }
        else
        {
            var end = 0;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end]) && rest[end] != '{')
            {
                end++;
            }

            name = rest[..end].ToString();
            rest = rest[end..].TrimStart();
        }

        if (name.Length == 0)
        {
            throw new TabularDataException("the attribute has no name.", source, lineNumber, null);
        }

        if (rest.IsEmpty)
        {
            throw new TabularDataException("the attribute has no type.", source, lineNumber, name);
        }

        if (rest[0] == '{')
        {
            var close = rest.LastIndexOf('}');
            if (close < 0)
            {
                throw new TabularDataException("the list of categories is not closed with '}'.", source, lineNumber, name);
            }

            var values = DelimitedFields.SplitArff(rest[1..close], source, lineNumber);
            var nominal = new List<string>(values.Count);
            var codes = new Dictionary<string, int>(values.Count, StringComparer.Ordinal);
            foreach (var value in values)
            {
                // A name declared twice is one level: the codes index distinct names.
                if (codes.TryAdd(value.Text, nominal.Count))
                {
                    nominal.Add(value.Text);
                }
            }

            return new Attribute(name, false, [.. nominal], codes);
        }

        var type = rest;
        var space = type.IndexOfAny(' ', '\t');
        if (space >= 0)
        {
            type = type[..space];
        }

        if (type.Equals("numeric", StringComparison.OrdinalIgnoreCase) || type.Equals("real", StringComparison.OrdinalIgnoreCase) || type.Equals("integer", StringComparison.OrdinalIgnoreCase))
        {
            return new Attribute(name, true, null, null);
        }

        if (type.Equals("string", StringComparison.OrdinalIgnoreCase) || type.Equals("date", StringComparison.OrdinalIgnoreCase))
        {
            return new Attribute(name, false, null, null);
        }

        throw new TabularDataException("the attribute type is not supported (numeric, real, integer, string, date or {categories}).", source, lineNumber, name);
    }
}
