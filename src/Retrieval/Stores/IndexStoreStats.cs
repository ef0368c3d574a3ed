using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Stores;

/// <summary>What an <see cref="IndexStore"/> holds at its latest version.</summary>
/// <param name="Documents">Live documents.</param>
/// <param name="Chunks">Live chunks.</param>
/// <param name="CurrentVersion">The latest committed version (0 before the first write).</param>
/// <param name="Versions">Every committed version, oldest first.</param>
/// <param name="Embedder">The embedder's canonical spec, e.g. "hash:1024".</param>
/// <param name="EmbedderModelId">The id the embedder reports for its vectors.</param>
/// <param name="Dimensions">Vector length.</param>
/// <param name="VectorCount">Vectors committed to the vector file (replaced chunks keep theirs, for older versions).</param>
/// <param name="Files">Each file of the store (the database, its WAL, the vectors, the manifest) and its size in bytes.</param>
public sealed record IndexStoreStats(
    long Documents,
    long Chunks,
    long CurrentVersion,
    IReadOnlyList<IndexVersion> Versions,
    string Embedder,
    string EmbedderModelId,
    int Dimensions,
    long VectorCount,
    IReadOnlyList<(string Name, long Bytes)> Files);
