using System.Numerics;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// Turns table rows into numeric feature vectors, with statistics learnt from training data:
/// numeric columns are standardised (missing → the training mean, plus an optional
/// "name=?missing" flag), categorical columns are one-hot encoded ("purpose=radio/tv").
/// A category not seen in training encodes as all zeros for that column — never an exception —
/// and a column absent from a row to classify counts as missing.
/// </summary>
/// <example>
/// <code>
/// var featurizer = TabularFeaturizer.Fit(training);
/// double[] x = new double[featurizer.Dimension];
/// featurizer.Transform(training.Row(0), x);
/// Console.WriteLine($"{featurizer.FeatureNames[0]} = {x[0]}");
/// </code>
/// </example>
public sealed class TabularFeaturizer
{
    private readonly FeaturizedColumn[] _columns;
    private readonly string[] _names;

    internal TabularFeaturizer(FeaturizedColumn[] columns, TabularFeaturizerOptions options)
    {
        _columns = columns;
        Options = options;
        var names = new List<string>();
        foreach (var column in columns)
        {
            if (column.Kind == TabularColumnKind.Numeric)
            {
                names.Add(column.Name);
                if (column.MissingFeature)
                {
                    names.Add(column.MissingName);
                }
            }
            else
            {
                foreach (var category in column.Categories)
                {
                    names.Add($"{column.Name}={category}");
                }

                if (column.MissingFeature)
                {
                    names.Add(column.MissingName);
                }
            }
        }

        _names = [.. names];
    }

    /// <summary>The settings the featurizer was fitted with.</summary>
    public TabularFeaturizerOptions Options { get; }

    /// <summary>Length of a feature vector.</summary>
    public int Dimension => _names.Length;

    /// <summary>Name of each feature: "duration", "purpose=radio/tv", "age=?missing".</summary>
    public IReadOnlyList<string> FeatureNames => _names;

    /// <summary>The input columns used, in order (the label column excluded).</summary>
    public IReadOnlyList<string> InputColumns => _columns.Select(c => c.Name).ToArray();

    internal IReadOnlyList<FeaturizedColumn> Columns => _columns;

    /// <summary>Learns means, scales and categories from every column except the label.</summary>
    /// <exception cref="TabularDataException">The table has no rows or no feature columns, or holds an infinite number (the message names the column and row).</exception>
    public static TabularFeaturizer Fit(TabularData data, TabularFeaturizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new TabularFeaturizerOptions();
        if (data.RowCount == 0)
        {
            throw new TabularDataException("the table has no rows to learn from.");
        }

        var columns = new List<FeaturizedColumn>();
        var offset = 0;
        foreach (var column in data.FeatureColumns)
        {
            var fitted = column.Kind == TabularColumnKind.Numeric
                ? FitNumeric(column, offset, options)
                : FitCategorical(column, offset);
            columns.Add(fitted);
            offset += fitted.Width;
        }

        if (columns.Count == 0)
        {
            throw new TabularDataException("the table has no feature columns besides the label.");
        }

        return new TabularFeaturizer([.. columns], options);
    }

    /// <summary>Writes the features of one row into <paramref name="features"/> (length <see cref="Dimension"/>).</summary>
    /// <exception cref="TabularDataException">A numeric value is infinite, or text that is not a number was given for a numeric column.</exception>
    public void Transform(TabularRow row, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (features.Length != Dimension)
        {
            throw new ArgumentException($"features has length {features.Length} but the featurizer has {Dimension} features.", nameof(features));
        }

        features.Clear();
        foreach (var column in _columns)
        {
            if (column.Kind == TabularColumnKind.Numeric)
            {
                column.WriteNumber(row.Number(column.Name), features, 0);
            }
            else
            {
                column.WriteCategory(row.Category(column.Name), features);
            }
        }
    }

    /// <summary>The features of every row, row-major: row i occupies [i·Dimension, (i+1)·Dimension).</summary>
    /// <exception cref="TabularDataException">A numeric value is infinite (the message names the column and row).</exception>
    public double[] Transform(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var matrix = new double[data.RowCount * Dimension];
        Transform(data, 0, data.RowCount, matrix);
        return matrix;
    }

    /// <summary>
    /// The features of rows [<paramref name="start"/>, start + <paramref name="count"/>) into <paramref name="matrix"/>,
    /// row-major; lets scoring featurize a block at a time into a buffer that stays in cache.
    /// </summary>
    internal void Transform<T>(TabularData data, int start, int count, Span<T> matrix)
        where T : INumberBase<T> => Transform(BoundColumn.Bind(_columns, data), data, start, count, matrix);

    /// <summary>The columns of this featurizer matched to <paramref name="data"/>'s, for block-by-block <see cref="Transform{T}(BoundColumn[], TabularData, int, int, Span{T})"/>.</summary>
    internal BoundColumn[] Bind(TabularData data) => BoundColumn.Bind(_columns, data);

    /// <summary>As <see cref="Transform{T}(TabularData, int, int, Span{T})"/>, with the columns already bound to <paramref name="data"/>.</summary>
    internal void Transform<T>(BoundColumn[] bound, TabularData data, int start, int count, Span<T> matrix)
        where T : INumberBase<T>
    {
        var d = Dimension;
        matrix = matrix[..(count * d)];
        matrix.Clear();
        foreach (var b in bound)
        {
            var column = b.Column;
            if (b.Codes is { } codes)
            {
                var positions = b.Positions!;
                var missing = column.MissingPosition;
                var rowCodes = codes.AsSpan(start, count);
                for (var r = 0; r < rowCodes.Length; r++)
                {
                    var code = rowCodes[r];
                    var position = code < 0 ? missing : positions[code];
                    if (position >= 0)
                    {
                        matrix[(r * d) + position] = T.One;
                    }
                }
            }
            else if (b.Source is not { } source)
            {
                for (var r = 0; r < count; r++)
                {
                    if (column.Kind == TabularColumnKind.Numeric)
                    {
                        column.WriteNumber(double.NaN, matrix.Slice(r * d, d), start + r);
                    }
                    else
                    {
                        column.WriteCategory<T>(null, matrix.Slice(r * d, d));
                    }
                }
            }
            else if (column.Kind == TabularColumnKind.Numeric)
            {
                if (source.Kind == TabularColumnKind.Numeric)
                {
                    var values = source.Numbers.Slice(start, count);
                    for (var r = 0; r < values.Length; r++)
                    {
                        column.WriteNumber(values[r], matrix.Slice(r * d, d), start + r);
                    }
                }
                else
                {
                    for (var r = 0; r < count; r++)
                    {
                        column.WriteNumber(data.Row(start + r).Number(column.Name), matrix.Slice(r * d, d), start + r);
                    }
                }
            }
            else
            {
                // A numeric source for a categorical column: each number as its invariant text.
                for (var r = 0; r < count; r++)
                {
                    column.WriteCategory(source.LabelAt(start + r), matrix.Slice(r * d, d));
                }
            }
        }
    }

    private static FeaturizedColumn FitNumeric(TabularColumn column, int offset, TabularFeaturizerOptions options)
    {
        var values = column.Numbers;
        double sum = 0;
        var present = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsInfinity(values[i]))
            {
                throw new TabularDataException($"row {i} holds an infinite number; use NaN (missing) or a finite value.", null, null, column.Name);
            }

            if (!double.IsNaN(values[i]))
            {
                sum += values[i];
                present++;
            }
        }

        var mean = present == 0 ? 0 : sum / present;
        double squares = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        var std = present == 0 ? 0 : Math.Sqrt(squares / present);
        var scale = options.Standardize && std > 1e-12 ? std : 1d;
        var center = options.Standardize ? mean : 0d;
        var missing = options.MissingIndicators && present < values.Length;
        return new FeaturizedColumn(column.Name, TabularColumnKind.Numeric, offset, mean, center, scale, missing, []);
    }

    private static FeaturizedColumn FitCategorical(TabularColumn column, int offset)
    {
        // Through the codes, so fitting a coded column does not spell out a name per cell.
        var coded = column.Coded;
        var present = new bool[coded.Levels.Length];
        var missing = false;
        foreach (var code in coded.Codes)
        {
            if (code < 0)
            {
                missing = true;
            }
            else
            {
                present[code] = true;
            }
        }

        var seen = new SortedSet<string>(StringComparer.Ordinal);
        for (var l = 0; l < present.Length; l++)
        {
            if (present[l])
            {
                seen.Add(coded.Levels[l]);
            }
        }

        return new FeaturizedColumn(column.Name, TabularColumnKind.Categorical, offset, 0, 0, 1, missing, [.. seen]);
    }
}
