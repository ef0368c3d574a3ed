using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Ingestion;

/// <summary>The documents a loader read, and the records it had to skip.</summary>
/// <param name="Documents">Documents in file order.</param>
/// <param name="Failures">Skipped records, each naming file and line; empty when all loaded.</param>
public sealed record DocumentLoadResult(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<DocumentLoadFailure> Failures)
{
    /// <summary>True when no record was skipped.</summary>
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Throws <see cref="DocumentLoadException"/> listing every failure when any record was skipped.</summary>
    /// <returns>This result, for chaining.</returns>
    public DocumentLoadResult ThrowIfFailed() => Succeeded ? this : throw new DocumentLoadException(Failures);
}
