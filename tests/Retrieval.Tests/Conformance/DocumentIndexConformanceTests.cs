using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Querying;

namespace HybridAI.Retrieval.Tests.Conformance;

/// <summary>
/// What every <see cref="IVersionedDocumentIndex"/> backend must do, whatever it stores things in. A backend's test
/// class derives from this and says how to open an empty index whose embedder is a hashing embedder.
/// </summary>
public abstract class DocumentIndexConformanceTests
{
    /// <summary>An empty index that embeds with a deterministic generator (vector and hybrid modes available).</summary>
    protected abstract Task<IVersionedDocumentIndex> OpenEmptyAsync();

    private async Task<IVersionedDocumentIndex> OpenKnowledgeBaseAsync()
    {
        IVersionedDocumentIndex index = await OpenEmptyAsync();
        await index.UpsertAsync(KnowledgeBase.Articles);
        return index;
    }

    private static async Task DisposeAsync(IVersionedDocumentIndex index)
    {
        if (index is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(SearchMode.Keyword)]
    [InlineData(SearchMode.Vector)]
    [InlineData(SearchMode.Hybrid)]
    public async Task Every_mode_finds_the_obvious_article_and_cites_it(SearchMode mode)
    {
        var index = await OpenKnowledgeBaseAsync();
        try
        {
            var hits = await index.SearchAsync(new SearchQuery("lost phone backup codes two-factor authentication") { Mode = mode, Top = 3 });

            Assert.Equal("kb-2fa-en", hits[0].DocumentId);
            Assert.True(hits.Count <= 3);
            Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score), "best first");
            SourceDocument article = KnowledgeBase.Articles.Single(a => a.Id == hits[0].DocumentId);
            Assert.Equal(article.Source, hits[0].Source);
            Assert.Equal(hits[0].Text, article.Text.Substring(hits[0].Span.Start, hits[0].Span.Length));
            Assert.False(string.IsNullOrEmpty(hits[0].ChunkId));
        }
        finally
        {
            await DisposeAsync(index);
        }
    }

    [Theory]
    [InlineData(SearchMode.Keyword)]
    [InlineData(SearchMode.Vector)]
    [InlineData(SearchMode.Hybrid)]
    public async Task Filters_apply_in_every_mode(SearchMode mode)
    {
        var index = await OpenKnowledgeBaseAsync();
        try
        {
            var filter = new Dictionary<string, string> { ["lang"] = "fr", ["category"] = "billing" };
            var hits = await index.SearchAsync(new SearchQuery("refund charged twice remboursement facture") { Mode = mode, Top = 10, Filter = filter });

            Assert.NotEmpty(hits);
            Assert.All(hits, h => Assert.Equal(("fr", "billing"), (h.Metadata["lang"], h.Metadata["category"])));
        }
        finally
        {
            await DisposeAsync(index);
        }
    }

    [Theory]
    [InlineData(SearchMode.Keyword)]
    [InlineData(SearchMode.Vector)]
    [InlineData(SearchMode.Hybrid)]
    public async Task Replace_and_delete_are_seen_by_every_mode(SearchMode mode)
    {
        var index = await OpenKnowledgeBaseAsync();
        try
        {
            await index.UpsertAsync([new SourceDocument("kb-shipping-en", "Parcels now travel by zeppelin over the mountains.", "Zeppelin shipping")]);
            Assert.True(await index.DeleteAsync("kb-2fa-en"));
            Assert.False(await index.DeleteAsync("kb-2fa-en"));

            var hits = await index.SearchAsync(new SearchQuery("zeppelin parcels") { Mode = mode, Top = 20 });
            Assert.Equal("kb-shipping-en", hits[0].DocumentId);
            Assert.Equal("Zeppelin shipping", hits[0].Source);
            Assert.Single(hits, h => h.DocumentId == "kb-shipping-en");
            var twoFactor = await index.SearchAsync(new SearchQuery("backup codes authenticator") { Mode = mode, Top = 20 });
            Assert.DoesNotContain(twoFactor, h => h.DocumentId == "kb-2fa-en");
        }
        finally
        {
            await DisposeAsync(index);
        }
    }

    [Fact]
    public async Task Each_write_commits_a_version_that_stays_searchable_and_can_be_rolled_back_to()
    {
        var index = await OpenEmptyAsync();
        try
        {
            Assert.Equal(0, index.CurrentVersion);
            await index.UpsertAsync(KnowledgeBase.Articles);
            long first = index.CurrentVersion;
            await index.UpsertAsync([new SourceDocument("kb-2fa-en", "Two-factor codes now arrive by carrier pigeon.", "Pigeon 2FA")]);
            await index.DeleteAsync("kb-password-en");
            long third = index.CurrentVersion;
            Assert.Equal(first + 2, third);

            foreach (SearchMode mode in new[] { SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid })
            {
                var old = await index.SearchAsync(new SearchQuery("reset password forgot link") { Mode = mode, Version = first, Top = 3 });
                Assert.Equal("kb-password-en", old[0].DocumentId);
                var now = await index.SearchAsync(new SearchQuery("reset password forgot link") { Mode = mode, Top = 20 });
                Assert.DoesNotContain(now, h => h.DocumentId == "kb-password-en");
                var pinned = await index.SearchAsync(new SearchQuery("carrier pigeon") { Mode = mode, Version = first, Top = 20 });
                Assert.DoesNotContain(pinned, h => h.Source == "Pigeon 2FA");
            }

            long rolledBack = await index.RollbackAsync(first);
            Assert.Equal(third + 1, rolledBack);
            Assert.Equal(rolledBack, index.CurrentVersion);
            foreach (SearchMode mode in new[] { SearchMode.Keyword, SearchMode.Vector, SearchMode.Hybrid })
            {
                var hits = await index.SearchAsync(new SearchQuery("reset password forgot link") { Mode = mode, Top = 3 });
                Assert.Equal("kb-password-en", hits[0].DocumentId);
                var twoFactor = await index.SearchAsync(new SearchQuery("backup codes authenticator lost phone") { Mode = mode, Top = 3 });
                Assert.Equal(("kb-2fa-en", "Two-factor authentication"), (twoFactor[0].DocumentId, twoFactor[0].Source));
                var pigeon = await index.SearchAsync(new SearchQuery("carrier pigeon") { Mode = mode, Top = 20 });
                Assert.DoesNotContain(pigeon, h => h.Source == "Pigeon 2FA");
            }

            // History is kept: the version before the rollback still has the pigeon.
            var history = await index.SearchAsync(new SearchQuery("carrier pigeon") { Version = third });
            Assert.Equal("Pigeon 2FA", history[0].Source);

            var versions = await index.GetVersionsAsync();
            Assert.Equal(Enumerable.Range(1, (int)rolledBack).Select(v => (long)v), versions.Select(v => v.Number));
            Assert.Equal("rollback", versions[^1].Kind);
            Assert.Equal(KnowledgeBase.Articles.Count, versions[^1].DocumentCount);
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.SearchAsync(new SearchQuery("x") { Version = rolledBack + 1 }).AsTask());
        }
        finally
        {
            await DisposeAsync(index);
        }
    }

    [Fact]
    public async Task Mmr_keeps_near_duplicates_out_of_the_top()
    {
        var index = await OpenEmptyAsync();
        try
        {
            await index.UpsertAsync(KnowledgeBase.Articles);
            const string text = "If your card was charged twice for the same order, we refund the duplicate payment automatically.";
            await index.UpsertAsync([
                new SourceDocument("dup-1", text, "copy 1"),
                new SourceDocument("dup-2", text + " ", "copy 2"),
                new SourceDocument("dup-3", text + "  ", "copy 3"),
            ]);

            var plain = await index.SearchAsync(new SearchQuery("card charged twice duplicate payment refund") { Mode = SearchMode.Vector, Top = 3 });
            var diverse = await index.SearchAsync(new SearchQuery("card charged twice duplicate payment refund") { Mode = SearchMode.Vector, Top = 3, MmrLambda = 0.3 });

            Assert.True(plain.Count(h => h.DocumentId.StartsWith("dup-", StringComparison.Ordinal)) >= 2);
            Assert.True(diverse.Count(h => h.DocumentId.StartsWith("dup-", StringComparison.Ordinal)) <= 1);
        }
        finally
        {
            await DisposeAsync(index);
        }
    }

    [Fact]
    public async Task A_reranker_reorders_the_candidates()
    {
        var index = await OpenKnowledgeBaseAsync();
        try
        {
            ISearchIndex reranked = index.WithReranker(new PreferLanguage("fr"), candidates: 10);

            var hits = await reranked.SearchAsync(new SearchQuery("refund charged twice remboursement") { Mode = SearchMode.Hybrid, Top = 2 });

            Assert.Equal(2, hits.Count);
            Assert.All(hits, h => Assert.Equal("fr", h.Metadata["lang"]));
        }
        finally
        {
            await DisposeAsync(index);
        }
    }

    private sealed class PreferLanguage(string language) : ISearchReranker
    {
        public ValueTask<IReadOnlyList<SearchHit>> RerankAsync(SearchQuery query, IReadOnlyList<SearchHit> candidates, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<SearchHit>>([.. candidates
                .Select(h => h with { Score = h.Score + (h.Metadata.GetValueOrDefault("lang") == language ? 10 : 0) })
                .OrderByDescending(h => h.Score)]);
    }
}
