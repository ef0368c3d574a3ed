namespace HybridAI.Classifiers;

/// <summary>
/// A model file could not be read: not a model, a newer format version, a missing or invalid field,
/// or corrupt/truncated weights. The message names the field and the version involved.
/// </summary>
public sealed class ModelFormatException : FormatException
{
    /// <summary>Creates an exception with a message.</summary>
    public ModelFormatException()
        : base("The model file is invalid.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public ModelFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public ModelFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming the offending field and the file's format version (when known).</summary>
    public ModelFormatException(string message, string? field, int? formatVersion, Exception? innerException = null)
        : base(message, innerException)
    {
        Field = field;
        FormatVersion = formatVersion;
    }

    /// <summary>The header field or payload section that was wrong, e.g. "labels" or "payload.weights".</summary>
    public string? Field { get; }

    /// <summary>The format version the file declared, when it got that far.</summary>
    public int? FormatVersion { get; }
}
