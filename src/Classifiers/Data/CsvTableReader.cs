using System.Globalization;

namespace HybridAI.Classifiers.Data;

/// <summary>
/// Reads a CSV table (RFC 4180: a header row of column names, then records; fields in double
/// quotes may hold delimiters, line breaks and doubled quotes). A column is numeric when every
/// present value parses as an invariant-culture number, categorical otherwise. An empty unquoted
/// field or an unquoted <c>?</c> is a missing value.
/// </summary>
/// <example>
/// <code>
/// TabularData payments = CsvTableReader.ReadFile("payments.csv", labelColumn: "is_fraud");
/// </code>
/// </example>
public static class CsvTableReader
{
    /// <summary>Reads a CSV file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="labelColumn">The column to predict, or null for none.</param>
    /// <param name="delimiter">The field separator.</param>
    /// <exception cref="TabularDataException">The file is malformed; the message names the file, line and column.</exception>
    public static TabularData ReadFile(string path, string? labelColumn = null, char delimiter = ',')
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path);
        return Read(reader, Path.GetFileName(path), labelColumn, delimiter);
    }

    /// <summary>Reads CSV text.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="sourceName">A name for the source, used in error messages.</param>
    /// <param name="labelColumn">The column to predict, or null for none.</param>
    /// <param name="delimiter">The field separator.</param>
    /// <exception cref="TabularDataException">The text is malformed.</exception>
    public static TabularData Read(TextReader reader, string sourceName, string? labelColumn = null, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        if (delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException("The delimiter cannot be a quote or a line break.", nameof(delimiter));
        }

        var records = new CsvRecords(reader, delimiter, sourceName);
        var header = records.Next() ?? throw new TabularDataException("the file is empty; a header row is needed.", sourceName, 1, null);
        var names = new string[header.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < names.Length; c++)
        {
            names[c] = header[c].Text.Trim();
            if (names[c].Length == 0)
            {
                throw new TabularDataException($"header field {c + 1} is empty; every column needs a name.", sourceName, records.RecordLine, null);
            }

            if (!seen.Add(names[c]))
            {
                throw new TabularDataException("the column name appears twice in the header.", sourceName, records.RecordLine, names[c]);
            }
        }

        if (labelColumn is not null && !seen.Contains(labelColumn))
        {
            throw new TabularDataException("the label column is not in the header.", sourceName, records.RecordLine, labelColumn);
        }

        var cells = new List<string?>[names.Length];
        for (var c = 0; c < cells.Length; c++)
        {
            cells[c] = [];
        }

        while (records.Next() is { } record)
        {
            if (record.Count != names.Length)
            {
                throw new TabularDataException($"the record has {record.Count} fields but the header has {names.Length}.", sourceName, records.RecordLine, null);
            }

            for (var c = 0; c < names.Length; c++)
            {
                var field = record[c];
                var missing = !field.Quoted && (field.Text.Length == 0 || field.Text == "?");
                cells[c].Add(missing ? null : field.Text);
            }
        }

        var columns = new TabularColumn[names.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = Infer(names[c], cells[c]);
        }

        return new TabularData(columns, labelColumn);
    }

    private static TabularColumn Infer(string name, List<string?> cells)
    {
        var numbers = new double[cells.Count];
        var present = 0;
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not { } text)
            {
                numbers[i] = double.NaN;
                continue;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return TabularColumn.OwnCategories(name, [.. cells], null);
            }

            present++;
        }

        // A column with no values at all says nothing about its type; categorical keeps it harmless.
        return present == 0 ? TabularColumn.OwnCategories(name, [.. cells], null) : TabularColumn.OwnNumbers(name, numbers);
    }
}
