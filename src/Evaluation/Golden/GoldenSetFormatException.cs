namespace HybridAI.Evaluation.Golden;

/// <summary>
/// A golden-set file is malformed. The message names the file, the line and the field; it never quotes the
/// record's content, which may hold customer text.
/// </summary>
public sealed class GoldenSetFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (or source name) being read.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="field">The field at fault, or null when the whole line is.</param>
    /// <param name="problem">What is wrong, without any of the record's content.</param>
    public GoldenSetFormatException(string file, int line, string? field, string problem)
        : base(field is null ? $"{file} line {line}: {problem}" : $"{file} line {line}, field '{field}': {problem}")
    {
        File = file;
        Line = line;
        Field = field;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public GoldenSetFormatException()
        : this("(unknown)", 0, null, "malformed golden set")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public GoldenSetFormatException(string message)
        : base(message)
    {
        File = "(unknown)";
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public GoldenSetFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(unknown)";
    }

    /// <summary>The file (or source name) being read.</summary>
    public string File { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }

    /// <summary>The field at fault, e.g. <c>expected.label</c>; null when the whole line is.</summary>
    public string? Field { get; }
}
