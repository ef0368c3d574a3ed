using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;
using HybridAI.Retrieval.Sqlite;
using Microsoft.Data.Sqlite;

namespace HybridAI.Retrieval.Tests.Sqlite;

public sealed class SqliteDocumentIndexTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<SqliteDocumentIndex> OpenKnowledgeBaseAsync(string name = "kb.db")
    {
        var index = await SqliteDocumentIndex.OpenAsync(_dir.File(name));
        await index.UpsertAsync(KnowledgeBase.Articles);
        return index;
    }

    [Theory]
    [InlineData("I was charged twice, I want a refund", "kb-refund-en")]
    [InlineData("forgot my password, reset link expired", "kb-password-en")]
    [InlineData("when will my parcel be delivered? tracking number", "kb-shipping-en")]
    [InlineData("where can I download the PDF invoice with VAT number", "kb-invoice-en")]
    [InlineData("lost phone, backup codes for two-factor", "kb-2fa-en")]
    [InlineData("j'ai été débité deux fois, je veux un remboursement", "kb-remboursement-fr")]
    [InlineData("mot de passe oublié", "kb-motdepasse-fr")]
    [InlineData("délai de livraison du colis", "kb-livraison-fr")]
    [InlineData("télécharger ma facture PDF", "kb-facture-fr")]
    [InlineData("comment résilier mon abonnement ?", "kb-resiliation-fr")]
    public async Task Bm25_ranks_the_relevant_article_first(string question, string expectedDocument)
    {
        await using var index = await OpenKnowledgeBaseAsync();

        IReadOnlyList<SearchHit> hits = await index.SearchAsync(new SearchQuery(question) { Top = 3 });

        Assert.NotEmpty(hits);
        Assert.True(hits.Count <= 3);
        Assert.Equal(expectedDocument, hits[0].DocumentId);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "hits must be best first");
        Assert.True(hits[0].Score > 0);
    }

    [Fact]
    public async Task Hits_carry_chunk_text_span_source_and_metadata()
    {
        await using var index = await OpenKnowledgeBaseAsync();

        SearchHit hit = (await index.SearchAsync(new SearchQuery("backup codes") { Top = 1 }))[0];
        SourceDocument article = KnowledgeBase.Articles.Single(a => a.Id == hit.DocumentId);

        Assert.Equal("kb-2fa-en", hit.DocumentId);
        Assert.Equal("Two-factor authentication", hit.Source);
        Assert.Equal(hit.Text, article.Text.Substring(hit.Span.Start, hit.Span.Length));
        Assert.Contains("backup codes", hit.Text, StringComparison.Ordinal);
        Assert.Equal("en", hit.Metadata["lang"]);
        Assert.Equal("account", hit.Metadata["category"]);
        Assert.Contains(hit.ChunkId, (await index.GetChunksAsync(hit.DocumentId)).Select(c => c.Id));
    }

    [Theory]
    [InlineData("rembourse")]
    [InlineData("REMBOURSÉ")]
    [InlineData("prelevement")]
    [InlineData("debitee")]
    public async Task Search_ignores_accents_and_case(string query)
    {
        await using var index = await OpenKnowledgeBaseAsync();

        var hits = await index.SearchAsync(new SearchQuery(query));

        Assert.Equal("kb-remboursement-fr", hits[0].DocumentId);
    }

    [Fact]
    public async Task Word_forms_find_other_forms_and_can_be_turned_off()
    {
        await using var withForms = await OpenKnowledgeBaseAsync();
        await using var exactOnly = await SqliteDocumentIndex.OpenAsync(_dir.File("exact.db"), new SqliteIndexOptions { MatchWordForms = false });
        await exactOnly.UpsertAsync(KnowledgeBase.Articles);

        // The article says "résiliation"/"résilier"; "résiliations" only matches through its stem.
        Assert.Equal("kb-resiliation-fr", (await withForms.SearchAsync(new SearchQuery("résiliations")))[0].DocumentId);
        Assert.Empty(await exactOnly.SearchAsync(new SearchQuery("résiliations")));
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("refund\"\"\" OR \"")]
    [InlineData("NEAR(refund password")]
    [InlineData("refund NEAR/3 card")]
    [InlineData("* ^ : - + ( ) { } [ ]")]
    [InlineData("pass*")]
    [InlineData("^refund")]
    [InlineData("text:refund")]
    [InlineData("AND OR NOT")]
    [InlineData("refund AND NOT OR")]
    [InlineData("l'état du colis ?!")]
    [InlineData("'; DROP TABLE chunks; --")]
    [InlineData("\0\u0001 emoji 🚀 refund")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Any_user_text_is_a_valid_query(string query)
    {
        await using var index = await OpenKnowledgeBaseAsync();

        IReadOnlyList<SearchHit> hits = await index.SearchAsync(new SearchQuery(query));

        Assert.True(hits.Count <= 5);
        Assert.All(hits, h => Assert.True(h.Score > 0));
    }

    [Fact]
    public async Task Operators_in_the_text_are_searched_as_words()
    {
        await using var index = await OpenKnowledgeBaseAsync();

        var hits = await index.SearchAsync(new SearchQuery("refund NEAR(\"duplicate* payment\")^") { Top = 1 });

        Assert.Equal("kb-refund-en", Assert.Single(hits).DocumentId);
    }

    [Fact]
    public async Task Metadata_filter_requires_every_pair_to_match()
    {
        await using var index = await OpenKnowledgeBaseAsync();

        var french = await index.SearchAsync(new SearchQuery("refund remboursement PDF facture invoice") { Top = 20, Filter = new Dictionary<string, string> { ["lang"] = "fr" } });
        var frenchBilling = await index.SearchAsync(new SearchQuery("refund remboursement PDF facture invoice") { Top = 20, Filter = new Dictionary<string, string> { ["lang"] = "fr", ["category"] = "billing" } });
        var none = await index.SearchAsync(new SearchQuery("refund") { Filter = new Dictionary<string, string> { ["lang"] = "de" } });

        Assert.NotEmpty(french);
        Assert.All(french, h => Assert.Equal("fr", h.Metadata["lang"]));
        Assert.Equal(["kb-facture-fr", "kb-remboursement-fr"], frenchBilling.Select(h => h.DocumentId).Distinct().Order());
        Assert.Empty(none);
    }

    [Fact]
    public async Task Filter_key_with_a_double_quote_is_rejected()
    {
        await using var index = await OpenKnowledgeBaseAsync();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            index.SearchAsync(new SearchQuery("refund") { Filter = new Dictionary<string, string> { ["la\"ng"] = "fr" } }).AsTask());
    }

    [Fact]
    public async Task Upsert_replaces_the_document_and_all_its_old_chunks()
    {
        await using var index = await OpenKnowledgeBaseAsync();
        IReadOnlyList<DocumentChunk> before = await index.GetChunksAsync("kb-shipping-en");

        await index.UpsertAsync([new SourceDocument("kb-shipping-en", "Parcels now travel by zeppelin.", "Shipping (new)")]);

        IReadOnlyList<DocumentChunk> after = await index.GetChunksAsync("kb-shipping-en");
        Assert.Equal(["Parcels now travel by zeppelin."], after.Select(c => c.Text));
        Assert.Empty(before.Select(c => c.Id).Intersect(after.Select(c => c.Id)));
        Assert.DoesNotContain(await index.SearchAsync(new SearchQuery("express delivery noon warehouse") { Top = 20 }), h => h.DocumentId == "kb-shipping-en");
        SearchHit hit = Assert.Single(await index.SearchAsync(new SearchQuery("zeppelin")));
        Assert.Equal(("kb-shipping-en", "Shipping (new)"), (hit.DocumentId, hit.Source));
        Assert.Empty(hit.Metadata);
        Assert.NotEmpty(before);
        Assert.Equal(1, CountRows(_dir.File("kb.db"), "SELECT count(*) FROM chunks WHERE doc_id = 'kb-shipping-en' AND removed IS NULL"));
    }

    [Fact]
    public async Task Delete_removes_the_document_and_reports_whether_it_existed()
    {
        await using var index = await OpenKnowledgeBaseAsync();

        Assert.True(await index.DeleteAsync("kb-2fa-en"));
        Assert.False(await index.DeleteAsync("kb-2fa-en"));
        Assert.False(await index.DeleteAsync("never-there"));

        Assert.Empty(await index.GetChunksAsync("kb-2fa-en"));
        Assert.DoesNotContain(await index.SearchAsync(new SearchQuery("backup codes authenticator") { Top = 20 }), h => h.DocumentId == "kb-2fa-en");
        Assert.Equal(0, CountRows(_dir.File("kb.db"), "SELECT count(*) FROM chunks_fts JOIN chunks AS c ON c.row_id = chunks_fts.rowid WHERE chunks_fts MATCH 'authenticator' AND c.removed IS NULL"));
    }

    [Fact]
    public async Task Data_persists_after_closing_and_reopening_the_file()
    {
        string path = _dir.File("nested/folder/kb.db");
        IReadOnlyList<SearchHit> first;
        await using (var index = await SqliteDocumentIndex.OpenAsync(path))
        {
            await index.UpsertAsync(KnowledgeBase.Articles);
            first = await index.SearchAsync(new SearchQuery("colis livraison"));
        }

        await using (var reopened = await SqliteDocumentIndex.OpenAsync(path))
        {
            IReadOnlyList<SearchHit> again = await reopened.SearchAsync(new SearchQuery("colis livraison"));
            Assert.Equal(first.Select(h => (h.ChunkId, h.Score)), again.Select(h => (h.ChunkId, h.Score)));
            Assert.Equal("kb-livraison-fr", again[0].DocumentId);
        }

        Assert.Equal("wal", ScalarText(path, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Chunk_ids_are_the_same_in_two_separate_index_instances()
    {
        await using var one = await OpenKnowledgeBaseAsync("one.db");
        await using var two = await OpenKnowledgeBaseAsync("two.db");

        foreach (SourceDocument article in KnowledgeBase.Articles)
        {
            var a = await one.GetChunksAsync(article.Id);
            var b = await two.GetChunksAsync(article.Id);
            Assert.NotEmpty(a);
            Assert.Equal(a, b);
            Assert.All(a, c => Assert.Equal(c.Text, article.Text.Substring(c.Span.Start, c.Span.Length)));
        }
    }

    [Fact]
    public async Task Concurrent_searches_while_writing_do_not_fail()
    {
        await using var index = await OpenKnowledgeBaseAsync();
        Task writer = Task.Run(async () =>
        {
            for (int round = 0; round < 40; round++)
            {
                await index.UpsertAsync([new SourceDocument("churn-" + (round % 5), $"Temporary article {round} about refund delays.", "tmp")]);
                if (round % 3 == 0)
                {
                    await index.DeleteAsync("churn-" + ((round + 1) % 5));
                }
            }
        });

        Task<int>[] readers = [.. Enumerable.Range(0, 6).Select(r => Task.Run(async () =>
        {
            int searches = 0;
            while (!writer.IsCompleted || searches < 20)
            {
                var hits = await index.SearchAsync(new SearchQuery(r % 2 == 0 ? "refund charged twice" : "remboursement") { Top = 3 });
                Assert.NotEmpty(hits);
                searches++;
            }

            return searches;
        }))];

        await writer;
        int[] counts = await Task.WhenAll(readers);
        Assert.All(counts, c => Assert.True(c >= 20));
        // The last round wrote "39" into churn-4 and deleted churn-0.
        Assert.Equal("churn-4", (await index.SearchAsync(new SearchQuery("temporary 39")))[0].DocumentId);
        Assert.Empty(await index.GetChunksAsync("churn-0"));
        Assert.Equal(KnowledgeBase.Articles.Count + 4, CountRows(_dir.File("kb.db"), "SELECT count(*) FROM documents WHERE removed IS NULL"));
    }

    [Theory]
    [InlineData(SearchMode.Vector)]
    [InlineData(SearchMode.Hybrid)]
    public async Task Vector_and_hybrid_modes_without_an_embedding_generator_are_a_clear_error(SearchMode mode)
    {
        await using var index = await SqliteDocumentIndex.OpenAsync(SqliteDocumentIndex.InMemory);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.SearchAsync(new SearchQuery("refund") { Mode = mode }).AsTask());
        Assert.Contains(mode.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("EmbeddingGenerator", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_memory_index_works_the_same_way()
    {
        await using var index = await SqliteDocumentIndex.OpenAsync(SqliteDocumentIndex.InMemory);
        await index.UpsertAsync(KnowledgeBase.Articles);

        Assert.Equal("kb-password-en", (await index.SearchAsync(new SearchQuery("reset password")))[0].DocumentId);
        Assert.True(await index.DeleteAsync("kb-password-en"));
        Assert.DoesNotContain(await index.SearchAsync(new SearchQuery("reset password") { Top = 20 }), h => h.DocumentId == "kb-password-en");
    }

    [Fact]
    public async Task Invalid_documents_and_use_after_dispose_throw_clear_errors()
    {
        var index = await SqliteDocumentIndex.OpenAsync(_dir.File("x.db"));
        var error = await Assert.ThrowsAsync<ArgumentException>(() => index.UpsertAsync([new SourceDocument("ok", "t", "s"), new SourceDocument("", "t", "s")]).AsTask());
        Assert.Contains("documents[1]", error.Message, StringComparison.Ordinal);
        Assert.Empty(await index.GetChunksAsync("ok")); // nothing of a rejected batch is written
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.SearchAsync(new SearchQuery("x") { Top = 0 }).AsTask());

        await index.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.SearchAsync(new SearchQuery("x")).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => index.UpsertAsync([new SourceDocument("a", "b", "c")]).AsTask());
    }

    private static long CountRows(string path, string sql) => (long)Scalar(path, sql)!;

    private static string ScalarText(string path, string sql) => (string)Scalar(path, sql)!;

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
