using System.Net;
using System.Net.Sockets;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Embeddings;
using HybridAI.Retrieval.Qdrant;

namespace HybridAI.Retrieval.Tests.Qdrant;

public sealed class QdrantDocumentIndexTests : IAsyncLifetime
{
    private const string Secret = "Jeanne Dupont, 12 rue des Lilas, card 4970 1234";

    private FakeQdrantServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeQdrantServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Assert.True(_server.Violations.IsEmpty, string.Join("\n", _server.Violations));
    }

    private QdrantIndexOptions Options(string collection = "kb", int dimensions = 256, int batch = 64, int page = 256, Uri? address = null, string? apiKey = null) => new()
    {
        BaseAddress = address ?? _server.BaseAddress,
        CollectionName = collection,
        ApiKey = apiKey,
        EmbeddingGenerator = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = dimensions }),
        UpsertBatchSize = batch,
        ScrollPageSize = page,
    };

    private static List<SourceDocument> Tickets(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new SourceDocument($"t-{i}", $"Ticket {i}: the parcel number {i} arrived late.", $"ticket {i}")
        {
            Metadata = new Dictionary<string, string> { ["queue"] = i % 2 == 0 ? "even" : "odd" },
        })];

    [Fact]
    public async Task An_unreachable_server_fails_with_the_address_and_the_operation()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: connections are refused

        var e = await Assert.ThrowsAsync<QdrantException>(() => QdrantDocumentIndex.OpenAsync(Options(address: new Uri($"http://127.0.0.1:{port}"))));

        Assert.Contains($"http://127.0.0.1:{port}/", e.Message, StringComparison.Ordinal);
        Assert.Contains("could not be reached", e.Message, StringComparison.Ordinal);
        Assert.Contains("read collection 'kb'", e.Message, StringComparison.Ordinal);
        Assert.Null(e.StatusCode);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task A_server_error_names_the_status_and_Qdrant_s_error_but_no_document_text()
    {
        await using QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options());
        _server.FailNext(500, "Service internal error: No space left on device");

        var e = await Assert.ThrowsAsync<QdrantException>(() => index.UpsertAsync([new SourceDocument("c-1", Secret, "complaint")]).AsTask());

        Assert.Equal(HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Contains("500", e.Message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jeanne", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Lilas", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_Qdrant_quotes_back_in_its_error_is_left_out_of_the_message()
    {
        await using QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options());
        _server.FailNext(400, $"Format error in JSON body: invalid type: string \"{Secret}\", expected u64 at line 1 column 80");

        var e = await Assert.ThrowsAsync<QdrantException>(() => index.UpsertAsync([new SourceDocument("c-1", Secret, "complaint")]).AsTask());

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("Format error in JSON body: invalid type: string", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected u64", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jeanne", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_deleted_behind_the_index_s_back_gives_a_404_naming_it()
    {
        await using QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options("gone"));
        using (var client = new HttpClient { BaseAddress = _server.BaseAddress })
        {
            (await client.DeleteAsync("collections/gone")).Dispose();
        }

        var e = await Assert.ThrowsAsync<QdrantException>(() => index.SearchAsync(new SearchQuery("parcel") { Mode = SearchMode.Vector }).AsTask());

        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
        Assert.Contains("404", e.Message, StringComparison.Ordinal);
        Assert.Contains("Collection `gone` doesn't exist", e.Message, StringComparison.Ordinal);
        Assert.Contains("search 'gone'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_collection_of_another_dimension_is_refused_with_both_dimensions()
    {
        await (await QdrantDocumentIndex.OpenAsync(Options("kb64", dimensions: 64))).DisposeAsync();

        var e = await Assert.ThrowsAsync<QdrantException>(() => QdrantDocumentIndex.OpenAsync(Options("kb64", dimensions: 32)));

        Assert.Contains("'kb64'", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected 32", e.Message, StringComparison.Ordinal);
        Assert.Contains("actual 64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_collection_gets_the_embedder_s_dimension_cosine_and_an_idf_sparse_vector()
    {
        await using QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options("fresh", dimensions: 48));

        RecordedRequest create = Assert.Single(_server.Requests, r => r is { Method: "PUT", Path: "/collections/fresh" });
        Assert.Contains("\"size\":48", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"distance\":\"Cosine\"", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"modifier\":\"idf\"", create.Body, StringComparison.Ordinal);
        Assert.Equal(0, index.CurrentVersion);
    }

    [Theory]
    [InlineData(10, 4)]
    [InlineData(8, 4)]
    [InlineData(1, 64)]
    public async Task Documents_are_upserted_batch_by_batch(int documents, int batch)
    {
        await using QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options(batch: batch));
        int before = _server.Requests.Count(static r => r is { Method: "PUT", Path: "/collections/kb/points" });

        await index.UpsertAsync(Tickets(documents));

        int upserts = _server.Requests.Count(static r => r is { Method: "PUT", Path: "/collections/kb/points" }) - before;
        Assert.Equal((documents + batch - 1) / batch, upserts);
        Assert.All(_server.Requests.Where(static r => r.Path == "/collections/kb/points"), static r => Assert.Contains("wait=true", r.Query, StringComparison.Ordinal));
        // One chunk and one document marker per ticket, and the version record.
        Assert.Equal((2 * documents) + 1, _server.PointCount("kb"));
    }

    [Fact]
    public async Task Scroll_follows_next_page_offset_over_more_points_than_one_page()
    {
        await using QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options(page: 3));
        await index.UpsertAsync(Tickets(10));
        int before = _server.Requests.Count(static r => r.Path.EndsWith("/points/scroll", StringComparison.Ordinal));

        List<SearchHit> all = [];
        await foreach (SearchHit hit in index.ScrollAsync())
        {
            all.Add(hit);
        }

        var odd = new List<SearchHit>();
        await foreach (SearchHit hit in index.ScrollAsync(new Dictionary<string, string> { ["queue"] = "odd" }))
        {
            odd.Add(hit);
        }

        int scrolls = _server.Requests.Count(static r => r.Path.EndsWith("/points/scroll", StringComparison.Ordinal)) - before;
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"t-{i}").Order(), all.Select(static h => h.DocumentId).Order());
        Assert.Equal(10, all.Select(static h => h.ChunkId).Distinct().Count());
        Assert.Equal([1, 3, 5, 7, 9], odd.Select(static h => int.Parse(h.DocumentId[2..], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal(4 + 2, scrolls); // 3 + 3 + 3 + 1 chunks, then 3 + 2
    }

    [Fact]
    public async Task Chunks_of_a_document_come_back_in_order_with_their_spans()
    {
        await using QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options(page: 2));
        var article = KnowledgeBase.Articles[0];
        await index.UpsertAsync([article]);

        IReadOnlyList<HybridAI.Retrieval.Chunking.DocumentChunk> chunks = await index.GetChunksAsync(article.Id);

        Assert.True(chunks.Count >= 2);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(static c => c.Ordinal));
        Assert.All(chunks, c => Assert.Equal(c.Text, article.Text.Substring(c.Span.Start, c.Span.Length)));
        Assert.Empty(await index.GetChunksAsync("missing"));
    }

    [Fact]
    public async Task Re_ingesting_an_unchanged_document_writes_no_new_points_but_commits_a_version()
    {
        await using QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options());
        await index.UpsertAsync(KnowledgeBase.Articles);
        int points = _server.PointCount("kb");

        await index.UpsertAsync(KnowledgeBase.Articles);

        Assert.Equal(points + 1, _server.PointCount("kb"));
        Assert.Equal(2, index.CurrentVersion);
        Assert.Equal(KnowledgeBase.Articles.Count, (await index.GetVersionsAsync())[^1].DocumentCount);
    }

    [Fact]
    public async Task A_write_that_fails_before_its_commit_leaves_the_previous_version_and_is_cleared_on_reopen()
    {
        await using (QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options(batch: 2)))
        {
            await index.UpsertAsync(KnowledgeBase.Articles);
            // Replaces kb-shipping-en and adds two documents; the last batch, which carries the commit record, fails.
            _server.FailWhen(static r => r is { Method: "PUT", Path: "/collections/kb/points" } && r.Body!.Contains("\"record\":\"version\"", StringComparison.Ordinal),
                503, "Service unavailable");
            await Assert.ThrowsAsync<QdrantException>(() => index.UpsertAsync([
                new SourceDocument("kb-shipping-en", "Parcels now travel by zeppelin over the mountains.", "Zeppelin shipping"),
                new SourceDocument("new-1", "Drones deliver spare keys.", "Drones"),
                new SourceDocument("new-2", "Submarines deliver nothing.", "Submarines"),
            ]).AsTask());

            Assert.Equal(1, index.CurrentVersion);
            var hits = await index.SearchAsync(new SearchQuery("zeppelin drones parcels") { Top = 20 });
            Assert.DoesNotContain(hits, static h => h.Source is "Zeppelin shipping" or "Drones");
        }

        await using QdrantDocumentIndex reopened = await QdrantDocumentIndex.OpenAsync(Options(batch: 2));
        Assert.Equal(1, reopened.CurrentVersion);
        var shipping = await reopened.SearchAsync(new SearchQuery("standard delivery working days") { Top = 3 });
        Assert.Equal(("kb-shipping-en", "Shipping times"), (shipping[0].DocumentId, shipping[0].Source));
        List<SearchHit> all = [];
        await foreach (SearchHit hit in reopened.ScrollAsync())
        {
            all.Add(hit);
        }

        Assert.Equal(KnowledgeBase.Articles.Select(static a => a.Id).Order(), all.Select(static h => h.DocumentId).Distinct().Order());
        // The half-written points are gone, not merely hidden: only the first version's points and record remain.
        Assert.Equal(all.Count + KnowledgeBase.Articles.Count + 1, _server.PointCount("kb"));
    }

    [Fact]
    public async Task The_api_key_is_sent_and_a_missing_one_is_refused_with_401()
    {
        await using FakeQdrantServer guarded = await FakeQdrantServer.StartAsync(apiKey: "s3cret");
        await using (QdrantDocumentIndex index = await QdrantDocumentIndex.OpenAsync(Options(address: guarded.BaseAddress, apiKey: "s3cret")))
        {
            await index.UpsertAsync(Tickets(2));
            Assert.Single(await index.SearchAsync(new SearchQuery("parcel number 1") { Top = 1 }));
        }

        var e = await Assert.ThrowsAsync<QdrantException>(() => QdrantDocumentIndex.OpenAsync(Options(address: guarded.BaseAddress)));
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
    }

    [Fact]
    public async Task Bad_options_are_refused_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => QdrantDocumentIndex.OpenAsync(Options(collection: "a/b")));
        await Assert.ThrowsAsync<ArgumentException>(() => QdrantDocumentIndex.OpenAsync(new QdrantIndexOptions { BaseAddress = _server.BaseAddress, CollectionName = "kb" }));
        await Assert.ThrowsAsync<ArgumentException>(() => QdrantDocumentIndex.OpenAsync(Options(address: new Uri("ftp://host"))));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => QdrantDocumentIndex.OpenAsync(Options(batch: 0)));
        Assert.Empty(_server.Requests);
    }
}
