namespace HybridAI.Retrieval.Ingestion;

/// <summary>One record that could not be loaded. The reason never repeats the record's content.</summary>
/// <param name="File">The file as it was given to the loader.</param>
/// <param name="Line">1-based line where the bad record starts.</param>
/// <param name="Reason">What is wrong, e.g. "missing field 'text'".</param>
public sealed record DocumentLoadFailure(string File, int Line, string Reason)
{
    /// <summary>"file(line): reason", the way compilers name a place.</summary>
    public override string ToString() => $"{File}({Line}): {Reason}";
}
