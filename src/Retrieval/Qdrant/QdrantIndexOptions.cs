using System.Text.RegularExpressions;
using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Querying;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Qdrant;

/// <summary>Where a <see cref="QdrantDocumentIndex"/> finds its Qdrant server and how it cuts and embeds documents.</summary>
public sealed partial class QdrantIndexOptions
{
    /// <summary>The server's REST address, e.g. <c>http://localhost:6333</c>. Required.</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>The collection that holds the index; created when missing. Letters, digits, '_', '-' and '.'. Required.</summary>
    public string CollectionName { get; init; } = "";

    /// <summary>Sent as the <c>api-key</c> header when set (Qdrant Cloud, or a server started with an API key).</summary>
    public string? ApiKey { get; init; }

    /// <summary>Embeds chunks at ingest and queries at search time. Required: Qdrant is a vector store.</summary>
    public IEmbeddingGenerator<string, Embedding<float>>? EmbeddingGenerator { get; init; }

    /// <summary>Cuts documents into the chunks that are indexed. Default: a <see cref="ParagraphChunker"/> of 1200 characters.</summary>
    public IChunker Chunker { get; init; } = new ParagraphChunker();

    /// <summary>
    /// Words left out of keyword queries. Null (the default) uses <see cref="KeywordStopWords.EnglishAndFrench"/>; an
    /// empty list keeps every word.
    /// </summary>
    public IEnumerable<string>? StopWords { get; init; }

    /// <summary>How many documents' points go in one upsert request. Default 64.</summary>
    public int UpsertBatchSize { get; init; } = 64;

    /// <summary>How many points one scroll request returns. Default 256.</summary>
    public int ScrollPageSize { get; init; } = 256;

    /// <summary>How long one request may take before it fails with a <see cref="QdrantException"/>. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The client to send requests with (e.g. from <c>IHttpClientFactory</c>); it is not disposed with the index and its
    /// <see cref="HttpClient.BaseAddress"/> is ignored. Null (the default): the index makes and owns one.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Stamps the commit time of each version. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttp && BaseAddress.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("QdrantIndexOptions.BaseAddress must be an absolute http or https address, e.g. http://localhost:6333.", nameof(BaseAddress));
        }

        if (string.IsNullOrEmpty(CollectionName) || CollectionName.Length > 255 || !CollectionNamePattern().IsMatch(CollectionName))
        {
            throw new ArgumentException("QdrantIndexOptions.CollectionName must be 1 to 255 letters, digits, '_', '-' or '.'.", nameof(CollectionName));
        }

        if (EmbeddingGenerator is null)
        {
            throw new ArgumentException("QdrantIndexOptions.EmbeddingGenerator is required: Qdrant stores and searches vectors.", nameof(EmbeddingGenerator));
        }

        if (Chunker is null)
        {
            throw new ArgumentException("QdrantIndexOptions.Chunker must not be null.", nameof(Chunker));
        }

        if (TimeProvider is null)
        {
            throw new ArgumentException("QdrantIndexOptions.TimeProvider must not be null.", nameof(TimeProvider));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(UpsertBatchSize, 1, nameof(UpsertBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(ScrollPageSize, 1, nameof(ScrollPageSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex CollectionNamePattern();
}
