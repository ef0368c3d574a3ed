namespace HybridAI.Classifiers.Data;

/// <summary>
/// A table could not be read or used: a syntax error in a file, a value of the wrong type, or a
/// row that does not fit. The message names the file, line and column but never quotes cell values,
/// which may hold personal data.
/// </summary>
public sealed class TabularDataException : FormatException
{
    /// <summary>Creates an exception with a default message.</summary>
    public TabularDataException()
        : base("The tabular data is invalid.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public TabularDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public TabularDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception that says where the problem is.</summary>
    /// <param name="problem">What is wrong, without cell values.</param>
    /// <param name="source">The file name (or another name for the source), if known.</param>
    /// <param name="line">The 1-based line, if known.</param>
    /// <param name="column">The column's name, if the problem is in one column.</param>
    public TabularDataException(string problem, string? source, int? line, string? column)
        : base(Describe(problem, source, line, column))
    {
        SourceName = source;
        Line = line;
        Column = column;
    }

    /// <summary>The file (or source name) the problem is in.</summary>
    public string? SourceName { get; }

    /// <summary>The 1-based line of the problem, if known.</summary>
    public int? Line { get; }

    /// <summary>The column the problem is in, if known.</summary>
    public string? Column { get; }

    private static string Describe(string problem, string? source, int? line, string? column)
    {
        var where = source ?? "data";
        if (line is { } l)
        {
            where += $", line {l}";
        }

        if (column is not null)
        {
            where += $", column '{column}'";
        }

        return $"{where}: {problem}";
    }
}
