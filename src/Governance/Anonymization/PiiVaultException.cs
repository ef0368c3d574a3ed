namespace HybridAI.Governance.Anonymization;

/// <summary>
/// A protected value could not be recovered: its subject's key was erased, the token was altered, or it belongs to
/// another vault. The message names the subject only by its non-personal handle (<see cref="SubjectHandle"/>) and
/// never quotes the token or any clear value.
/// </summary>
public sealed class PiiVaultException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PiiVaultException(string message, string? subjectHandle = null, Exception? inner = null)
        : base(message, inner) => SubjectHandle = subjectHandle;

    /// <summary>The non-personal handle of the subject concerned (<see cref="PiiKeyVault.HandleOf"/>), when known.</summary>
    public string? SubjectHandle { get; }
}
