namespace HybridAI.Governance.Pii.Evaluation;

/// <summary>
/// A record of a PII evaluation file is malformed. The message names the file, the line and the field, never the
/// text itself (it holds personal data).
/// </summary>
public sealed class PiiEvalDataException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public PiiEvalDataException(string fileName, int line, string field, string problem, Exception? inner = null)
        : base($"{fileName} line {line}: {field}: {problem}", inner)
    {
        FileName = fileName;
        Line = line;
        Field = field;
    }

    /// <summary>The file (as it was named to the reader).</summary>
    public string FileName { get; }

    /// <summary>The 1-based line of the bad record.</summary>
    public int Line { get; }

    /// <summary>The field at fault: <c>text</c>, <c>spans[2].end</c>, or <c>(record)</c> for the line as a whole.</summary>
    public string Field { get; }
}
