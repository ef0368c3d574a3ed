using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using Microsoft.Extensions.AI;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>
/// The embedder of the knowledge base: the SIF average of the GloVe-derived wink word vectors when they are on this
/// machine (<c>eng/fetch-deps.sh</c> puts them there), else the no-data hashed n-gram embedder with a one-line notice
/// saying so; none at all for keyword search. Owns the memory-mapped vectors it opened.
/// </summary>
public sealed class KnowledgeBaseEmbedder : IDisposable
{
    private readonly WordVectors? _vectors;

    private KnowledgeBaseEmbedder(IEmbeddingGenerator<string, Embedding<float>>? generator, WordVectors? vectors, string? notice)
    {
        Generator = generator;
        _vectors = vectors;
        Notice = notice;
        Name = generator?.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "none (keyword only)";
    }

    /// <summary>The generator; null for keyword-only search.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? Generator { get; }

    /// <summary>The generator's model id, or <c>none (keyword only)</c>.</summary>
    public string Name { get; }

    /// <summary>Why the preferred embedder is not used (one line, no personal data); null when it is.</summary>
    public string? Notice { get; }

    /// <summary>
    /// The embedder <paramref name="mode"/> needs: none for <see cref="SearchMode.Keyword"/>; the hashing embedder when
    /// <paramref name="embedding"/> asks for it; otherwise the word-vector embedder over the wink vectors in
    /// <paramref name="wordVectorsFolder"/> (default <see cref="WinkWordVectors.DataFolder"/>), converting their JSON on
    /// the first use on a machine, or the hashing embedder with a <see cref="Notice"/> when they cannot be opened.
    /// </summary>
    public static KnowledgeBaseEmbedder Open(SearchMode mode, KnowledgeBaseEmbedding embedding = KnowledgeBaseEmbedding.Hashing,
        string? wordVectorsFolder = null)
    {
        if (mode == SearchMode.Keyword)
        {
            return new KnowledgeBaseEmbedder(null, null, null);
        }

        if (embedding == KnowledgeBaseEmbedding.Hashing)
        {
            return new KnowledgeBaseEmbedder(new HashingEmbeddingGenerator(), null, null);
        }

        var folder = wordVectorsFolder ?? WinkWordVectors.DataFolder;
        string reason;
        if (File.Exists(Path.Combine(folder, WinkWordVectors.BinaryFileName)) || File.Exists(Path.Combine(folder, WinkWordVectors.JsonFileName)))
        {
            try
            {
                var vectors = WinkWordVectors.Open(folder);
                return new KnowledgeBaseEmbedder(new WordVectorEmbeddingGenerator(vectors), vectors, null);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                reason = $"the GloVe word vectors in {folder} could not be opened ({ex.GetType().Name}; eng/fetch-deps.sh fetches them again)";
            }
        }
        else
        {
            reason = $"no GloVe word vectors in {folder} (eng/fetch-deps.sh fetches them)";
        }

        return new KnowledgeBaseEmbedder(new HashingEmbeddingGenerator(), null,
            $"Knowledge base: {reason}; {mode.ToString().ToLowerInvariant()} search uses the hashed n-gram embedder instead.");
    }

    /// <summary>Disposes the generator and the word vectors it read.</summary>
    public void Dispose()
    {
        Generator?.Dispose();
        _vectors?.Dispose();
    }
}
