namespace HybridAI.Retrieval.Ingestion;

/// <summary>
/// Thrown by <see cref="DocumentLoadResult.ThrowIfFailed"/>, and by <see cref="IDocumentLoader.StreamAsync"/> at the
/// first bad record; the message names each file and line.
/// </summary>
public sealed class DocumentLoadException : Exception
{
    /// <summary>Creates the exception for the given failures.</summary>
    public DocumentLoadException(IReadOnlyList<DocumentLoadFailure> failures)
        : base(Describe(failures))
    {
        Failures = failures;
    }

    /// <summary>Creates an exception with a message only.</summary>
    public DocumentLoadException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public DocumentLoadException(string message)
        : base(message)
    {
        Failures = [];
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public DocumentLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        Failures = [];
    }

    /// <summary>Every record that could not be loaded.</summary>
    public IReadOnlyList<DocumentLoadFailure> Failures { get; }

    private static string Describe(IReadOnlyList<DocumentLoadFailure> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return failures.Count switch
        {
            0 => "No documents failed to load.",
            1 => $"1 record could not be loaded: {failures[0]}",
            _ => $"{failures.Count} records could not be loaded: {string.Join("; ", failures.Take(10))}{(failures.Count > 10 ? "; …" : string.Empty)}",
        };
    }
}
