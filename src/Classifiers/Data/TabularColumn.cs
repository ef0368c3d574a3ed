namespace HybridAI.Classifiers.Data;

/// <summary>
/// One named column of a table: either numbers (NaN = missing) or categories (null = missing). A
/// categorical column is held as integer codes into its list of levels once it has been read or
/// featurised, so scoring does not hash a category name per cell; <see cref="Categories"/> gives the names.
/// </summary>
public sealed class TabularColumn
{
    private readonly double[]? _numbers;

    // A categorical column has names, codes or both; whichever is missing is derived once, on first use
    // (a race derives equal contents twice, which is harmless).
    private string?[]? _categories;
    private CategoryCodes? _coded;

    private TabularColumn(string name, double[]? numbers, string?[]? categories, CategoryCodes? coded, IReadOnlyList<string>? declared)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        _numbers = numbers;
        _categories = categories;
        _coded = coded;
        DeclaredCategories = declared;
    }

    /// <summary>The column's name, as in the file's header.</summary>
    public string Name { get; }

    /// <summary>Whether the column holds numbers or categories.</summary>
    public TabularColumnKind Kind => _numbers is null ? TabularColumnKind.Categorical : TabularColumnKind.Numeric;

    /// <summary>How many rows the column has.</summary>
    public int Count => _numbers?.Length ?? _categories?.Length ?? _coded!.Codes.Length;

    /// <summary>The values of a numeric column; NaN marks a missing value.</summary>
    /// <exception cref="InvalidOperationException">The column is categorical.</exception>
    public ReadOnlySpan<double> Numbers => _numbers ?? throw new InvalidOperationException($"Column '{Name}' is categorical, not numeric.");

    /// <summary>The values of a categorical column; null marks a missing value.</summary>
    /// <exception cref="InvalidOperationException">The column is numeric.</exception>
    public ReadOnlySpan<string?> Categories => _numbers is null
        ? _categories ??= _coded!.Names()
        : throw new InvalidOperationException($"Column '{Name}' is numeric, not categorical.");

    /// <summary>The categories a file declared for this column in order (ARFF nominal attributes), or null.</summary>
    public IReadOnlyList<string>? DeclaredCategories { get; }

    /// <summary>The column as codes into its levels; built on first use for a column made from names.</summary>
    internal CategoryCodes Coded => _numbers is null
        ? _coded ??= CategoryCodes.FromNames(_categories!)
        : throw new InvalidOperationException($"Column '{Name}' is numeric, not categorical.");

    /// <summary>Creates a numeric column from a copy of <paramref name="values"/>.</summary>
    public static TabularColumn Numeric(string name, ReadOnlySpan<double> values) => new(name, values.ToArray(), null, null, null);

    /// <summary>Creates a categorical column from a copy of <paramref name="values"/>.</summary>
    public static TabularColumn Categorical(string name, ReadOnlySpan<string?> values) => new(name, null, values.ToArray(), null, null);

    /// <summary>
    /// Creates a categorical column from integer codes (a copy of <paramref name="codes"/>): row i holds
    /// <c>levels[codes[i]]</c>, or is missing where the code is −1. Data already dictionary-encoded (a
    /// database enum, an Arrow dictionary array) then reaches the featurizer without a name per cell.
    /// </summary>
    /// <example>
    /// <code>
    /// var purpose = TabularColumn.Categorical("purpose", [0, 1, 0, -1], ["new car", "radio/tv"]);
    /// // purpose.Categories: "new car", "radio/tv", "new car", null
    /// </code>
    /// </example>
    /// <exception cref="TabularDataException">A level is null or repeated, or a code is outside [−1, levels.Count).</exception>
    public static TabularColumn Categorical(string name, ReadOnlySpan<int> codes, IReadOnlyList<string> levels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(levels);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var l = 0; l < levels.Count; l++)
        {
            if (levels[l] is null || !seen.Add(levels[l]))
            {
                throw new TabularDataException($"level {l} is {(levels[l] is null ? "null" : "a repeat of an earlier level")}; levels must be distinct names.", null, null, name);
            }
        }

        for (var i = 0; i < codes.Length; i++)
        {
            if (codes[i] < -1 || codes[i] >= levels.Count)
            {
                throw new TabularDataException($"row {i} has code {codes[i]} but there are {levels.Count} levels (−1 marks a missing value).", null, null, name);
            }
        }

        return new(name, null, null, new CategoryCodes(codes.ToArray(), [.. levels]), null);
    }

    internal static TabularColumn OwnNumbers(string name, double[] values) => new(name, values, null, null, null);

    internal static TabularColumn OwnCategories(string name, string?[] values, IReadOnlyList<string>? declared) => new(name, null, values, null, declared);

    /// <summary>A column already coded against <paramref name="levels"/> (e.g. by a reader that checked each value against declared categories).</summary>
    internal static TabularColumn OwnCodes(string name, int[] codes, string[] levels, IReadOnlyList<string>? declared) => new(name, null, null, new CategoryCodes(codes, levels), declared);

    /// <summary>The value at <paramref name="row"/> as a label: the category, or the number in invariant form.</summary>
    internal string? LabelAt(int row)
    {
        if (_numbers is not null)
        {
            return double.IsNaN(_numbers[row]) ? null : _numbers[row].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (_categories is not null)
        {
            return _categories[row];
        }

        var code = _coded!.Codes[row];
        return code < 0 ? null : _coded.Levels[code];
    }

    internal TabularColumn Select(IReadOnlyList<int> rows)
    {
        if (_numbers is not null)
        {
            var picked = new double[rows.Count];
            for (var i = 0; i < picked.Length; i++)
            {
                picked[i] = _numbers[rows[i]];
            }

            return new TabularColumn(Name, picked, null, null, null);
        }

        if (_coded is not null)
        {
            return new TabularColumn(Name, null, null, _coded.Select(rows), DeclaredCategories);
        }

        var names = new string?[rows.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _categories![rows[i]];
        }

        return new TabularColumn(Name, null, names, null, DeclaredCategories);
    }
}
