using System.Globalization;

namespace HybridAI.Classifiers.Data;

/// <summary>
/// One row to classify: column name → value. Numbers may be any .NET numeric type, categories are
/// strings, and null (or a column left out) means missing.
/// </summary>
/// <example>
/// <code>
/// var applicant = new TabularRow(new Dictionary&lt;string, object?&gt;
/// {
///     ["duration"] = 24, ["credit_amount"] = 4870.0, ["purpose"] = "new car",
/// });
/// Classification risk = model.Classify(applicant);
/// </code>
/// </example>
public sealed class TabularRow
{
    private readonly IReadOnlyDictionary<string, object?>? _values;
    private readonly TabularData? _table;
    private readonly int _index;

    /// <summary>Creates a row from named values.</summary>
    public TabularRow(IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = values;
    }

    internal TabularRow(TabularData table, int index)
    {
        _table = table;
        _index = index;
    }

    /// <summary>The value of a numeric feature; NaN when missing.</summary>
    /// <exception cref="TabularDataException">The row holds text that is not a number for this column.</exception>
    internal double Number(string column)
    {
        if (_table is not null)
        {
            var c = _table.IndexOf(column);
            if (c < 0)
            {
                return double.NaN;
            }

            var col = _table.Columns[c];
            return col.Kind == TabularColumnKind.Numeric ? col.Numbers[_index] : ParseNumber(col.LabelAt(_index), column);
        }

        if (!_values!.TryGetValue(column, out var value))
        {
            return double.NaN;
        }

        return value switch
        {
            null => double.NaN,
            double d => d,
            float f => f,
            int i => i,
            long l => l,
            decimal m => (double)m,
            short s => s,
            byte b => b,
            string text => ParseNumber(text, column),
            IConvertible convertible => convertible.ToDouble(CultureInfo.InvariantCulture),
            _ => throw new TabularDataException($"the value is a {value.GetType().Name}, not a number.", null, null, column),
        };
    }

    /// <summary>The value of a categorical feature; null when missing.</summary>
    internal string? Category(string column)
    {
        if (_table is not null)
        {
            var c = _table.IndexOf(column);
            return c < 0 ? null : _table.Columns[c].LabelAt(_index);
        }

        if (!_values!.TryGetValue(column, out var value))
        {
            return null;
        }

        return value switch
        {
            null => null,
            string text => text,
            double d => double.IsNaN(d) ? null : d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    private static double ParseNumber(string? text, string column)
    {
        if (text is null || text.Length == 0)
        {
            return double.NaN;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d
            : throw new TabularDataException("the value is not a number.", null, null, column);
    }
}
