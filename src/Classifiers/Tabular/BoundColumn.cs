using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// One featurizer column matched to the column of a table that feeds it, resolved once per table rather
/// than once per row: the source column (null when the table lacks it) and, for a categorical source,
/// where each of its levels sets its 1 in a row — so featurising a row is array lookups, not name hashing.
/// </summary>
internal readonly struct BoundColumn
{
    public BoundColumn(FeaturizedColumn column, TabularData data)
    {
        Column = column;
        Source = data.TryGetColumn(column.Name, out var source) ? source : null;
        if (Source is { Kind: TabularColumnKind.Categorical } && column.Kind == TabularColumnKind.Categorical)
        {
            var coded = Source.Coded;
            Codes = coded.Codes;
            Positions = column.PositionsOf(coded.Levels);
        }
    }

    public FeaturizedColumn Column { get; }

    public TabularColumn? Source { get; }

    /// <summary>The source's codes, when both it and the featurizer column are categorical.</summary>
    public int[]? Codes { get; }

    /// <summary>Level code → position of its 1 in a row (−1: a level not seen in training), beside <see cref="Codes"/>.</summary>
    public int[]? Positions { get; }

    public static BoundColumn[] Bind(IReadOnlyList<FeaturizedColumn> columns, TabularData data)
    {
        var bound = new BoundColumn[columns.Count];
        for (var c = 0; c < bound.Length; c++)
        {
            bound[c] = new BoundColumn(columns[c], data);
        }

        return bound;
    }
}
