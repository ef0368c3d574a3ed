namespace HybridAI.Classifiers.Data;

/// <summary>One named column of a table: either numbers (NaN = missing) or category names (null = missing).</summary>
public sealed class TabularColumn
{
    private readonly double[]? _numbers;
    private readonly string?[]? _categories;

    private TabularColumn(string name, double[]? numbers, string?[]? categories, IReadOnlyList<string>? declared)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _numbers = numbers;
        _categories = categories;
        DeclaredCategories = declared;
    }

    /// <summary>The column's name, as in the file's header.</summary>
    public string Name { get; }

    /// <summary>Whether the column holds numbers or categories.</summary>
    public TabularColumnKind Kind => _numbers is null ? TabularColumnKind.Categorical : TabularColumnKind.Numeric;

    /// <summary>How many rows the column has.</summary>
    public int Count => _numbers?.Length ?? _categories!.Length;

    /// <summary>The values of a numeric column; NaN marks a missing value.</summary>
    /// <exception cref="InvalidOperationException">The column is categorical.</exception>
    public ReadOnlySpan<double> Numbers => _numbers ?? throw new InvalidOperationException($"Column '{Name}' is categorical, not numeric.");

    /// <summary>The values of a categorical column; null marks a missing value.</summary>
    /// <exception cref="InvalidOperationException">The column is numeric.</exception>
    public ReadOnlySpan<string?> Categories => _categories ?? throw new InvalidOperationException($"Column '{Name}' is numeric, not categorical.");

    /// <summary>The categories a file declared for this column in order (ARFF nominal attributes), or null.</summary>
    public IReadOnlyList<string>? DeclaredCategories { get; }

    /// <summary>Creates a numeric column from a copy of <paramref name="values"/>.</summary>
    public static TabularColumn Numeric(string name, ReadOnlySpan<double> values) => new(name, values.ToArray(), null, null);

    /// <summary>Creates a categorical column from a copy of <paramref name="values"/>.</summary>
    public static TabularColumn Categorical(string name, ReadOnlySpan<string?> values) => new(name, null, values.ToArray(), null);

    internal static TabularColumn OwnNumbers(string name, double[] values) => new(name, values, null, null);

    internal static TabularColumn OwnCategories(string name, string?[] values, IReadOnlyList<string>? declared) => new(name, null, values, declared);

    /// <summary>The value at <paramref name="row"/> as a label: the category, or the number in invariant form.</summary>
    internal string? LabelAt(int row) => _categories is not null
        ? _categories[row]
        : double.IsNaN(_numbers![row]) ? null : _numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    internal TabularColumn Select(IReadOnlyList<int> rows)
    {
        if (_numbers is not null)
        {
            var picked = new double[rows.Count];
            for (var i = 0; i < picked.Length; i++)
            {
                picked[i] = _numbers[rows[i]];
            }

            return new TabularColumn(Name, picked, null, null);
        }

        var names = new string?[rows.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _categories![rows[i]];
        }

        return new TabularColumn(Name, null, names, DeclaredCategories);
    }
}
