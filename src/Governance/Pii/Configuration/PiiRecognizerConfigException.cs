namespace HybridAI.Governance.Pii.Configuration;

/// <summary>
/// A custom recognizer definition is wrong. The message names the recognizer (or its position), the field, and the
/// file and line when it came from a file; it never quotes the text being scanned.
/// </summary>
public sealed class PiiRecognizerConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PiiRecognizerConfigException(string message, string? recognizer, string? field, string? source, int? line, Exception? inner = null)
        : base(message, inner)
    {
        Recognizer = recognizer;
        Field = field;
        Source = source;
        Line = line;
    }

    /// <summary>The recognizer's name, or "recognizers[i]" when it has none.</summary>
    public string? Recognizer { get; }

    /// <summary>The field that is wrong (e.g. "pattern"), or null for a JSON syntax error.</summary>
    public string? Field { get; }

    /// <summary>The file (or the source name given to <see cref="PiiRecognizerConfig.Parse"/>).</summary>
    public new string? Source { get; }

    /// <summary>The 1-based line of the field in <see cref="Source"/>, when known.</summary>
    public int? Line { get; }
}
