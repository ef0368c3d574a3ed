namespace HybridAI.Classifiers.Data;

/// <summary>
/// A table held column by column: numeric columns (NaN = missing) and categorical ones
/// (null = missing), plus the name of the column that holds the label to predict.
/// </summary>
/// <example>
/// <code>
/// TabularData credit = ArffReader.ReadFile("credit-g.arff");      // label: the last attribute, "class"
/// var model = new GradientBoostingTrainer().Train(credit);
/// Classification c = model.Classify(credit.Row(0));
/// </code>
/// </example>
public sealed class TabularData
{
    private readonly TabularColumn[] _columns;
    private readonly Dictionary<string, int> _byName;

    /// <summary>Creates a table; every column must have the same number of rows and a distinct name.</summary>
    /// <param name="columns">The columns, features and label together.</param>
    /// <param name="labelColumn">The column to predict, or null when the table has no label (e.g. rows to score).</param>
    public TabularData(IReadOnlyList<TabularColumn> columns, string? labelColumn = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        _byName = new Dictionary<string, int>(_columns.Length, StringComparer.Ordinal);
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c] ?? throw new ArgumentException($"columns[{c}] is null.", nameof(columns));
            if (!_byName.TryAdd(column.Name, c))
            {
                throw new TabularDataException("the column name appears twice.", null, null, column.Name);
            }

            if (column.Count != _columns[0].Count)
            {
                throw new TabularDataException($"the column has {column.Count} rows but '{_columns[0].Name}' has {_columns[0].Count}.", null, null, column.Name);
            }
        }

        if (labelColumn is not null && !_byName.ContainsKey(labelColumn))
        {
            throw new TabularDataException("the label column is not in the table.", null, null, labelColumn);
        }

        LabelColumn = labelColumn;
    }

    /// <summary>All columns, in file order.</summary>
    public IReadOnlyList<TabularColumn> Columns => _columns;

    /// <summary>The number of rows.</summary>
    public int RowCount => _columns.Length == 0 ? 0 : _columns[0].Count;

    /// <summary>The name of the column to predict, or null.</summary>
    public string? LabelColumn { get; }

    /// <summary>The columns other than the label, in file order.</summary>
    public IEnumerable<TabularColumn> FeatureColumns => _columns.Where(c => !string.Equals(c.Name, LabelColumn, StringComparison.Ordinal));

    /// <summary>The column called <paramref name="name"/>.</summary>
    /// <exception cref="TabularDataException">No such column.</exception>
    public TabularColumn this[string name] => TryGetColumn(name, out var column)
        ? column
        : throw new TabularDataException("the table has no such column.", null, null, name);

    /// <summary>Finds a column by name.</summary>
    public bool TryGetColumn(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TabularColumn? column)
    {
        ArgumentNullException.ThrowIfNull(name);
        column = _byName.TryGetValue(name, out var c) ? _columns[c] : null;
        return column is not null;
    }

    /// <summary>The same table with <paramref name="labelColumn"/> as the label.</summary>
    public TabularData WithLabel(string labelColumn)
    {
        ArgumentNullException.ThrowIfNull(labelColumn);
        return new TabularData(_columns, labelColumn);
    }

    /// <summary>
    /// The label of every row as text (numbers in invariant form).
    /// </summary>
    /// <exception cref="TabularDataException">The table has no label column, or a row's label is missing.</exception>
    public string[] Labels()
    {
        if (LabelColumn is null)
        {
            throw new TabularDataException("the table has no label column; name one with WithLabel or when reading the file.");
        }

        var column = this[LabelColumn];
        var labels = new string[RowCount];
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = column.LabelAt(i) ?? throw new TabularDataException($"row {i} has no label.", null, null, LabelColumn);
        }

        return labels;
    }

    /// <summary>A new table with only the given rows, in the given order.</summary>
    public TabularData Select(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var r in rows)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(r, nameof(rows));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(r, RowCount, nameof(rows));
        }

        var picked = new TabularColumn[_columns.Length];
        for (var c = 0; c < picked.Length; c++)
        {
            picked[c] = _columns[c].Select(rows);
        }

        return new TabularData(picked, LabelColumn);
    }

    /// <summary>A view of one row, to classify it.</summary>
    public TabularRow Row(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, RowCount);
        return new TabularRow(this, index);
    }

    internal int IndexOf(string name) => _byName.TryGetValue(name, out var c) ? c : -1;
}
