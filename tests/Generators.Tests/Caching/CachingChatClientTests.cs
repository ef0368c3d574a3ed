using System.Diagnostics.Metrics;
using HybridAI.Generators.Caching;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Generators.Tests.Caching;

public sealed class CachingChatClientTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Db => _dir.File("cache.db");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Identical_requests_reach_the_inner_client_once()
    {
        var inner = new CountingChatClient();
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db));

        var first = await cached.GetResponseAsync("opening hours?");
        var second = await cached.GetResponseAsync("opening hours?");

        Assert.Equal(1, inner.Calls);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(ChatFinishReason.Stop, second.FinishReason);
        Assert.Equal("counting", second.ModelId);
        Assert.Equal(7, second.Usage?.TotalTokenCount);
        Assert.Equal(new ResponseCacheStatistics(1, 0, 1), cached.Statistics);
    }

    [Fact]
    public async Task Different_options_or_messages_miss()
    {
        var inner = new CountingChatClient();
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db));

        await cached.GetResponseAsync("opening hours?", new ChatOptions { MaxOutputTokens = 10 });
        await cached.GetResponseAsync("opening hours?", new ChatOptions { MaxOutputTokens = 20 });
        await cached.GetResponseAsync("opening hours?", new ChatOptions { MaxOutputTokens = 10, StopSequences = ["\n"] });
        await cached.GetResponseAsync("closing hours?", new ChatOptions { MaxOutputTokens = 10 });
        await cached.GetResponseAsync("opening hours?", new ChatOptions { MaxOutputTokens = 10, ModelId = "other" });

        Assert.Equal(5, inner.Calls);
        Assert.Equal(0, cached.Statistics.Hits);
    }

    [Fact]
    public async Task Similar_question_hits_above_the_threshold_and_misses_below()
    {
        var inner = new CountingChatClient();
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db) { Embedder = new LetterCountEmbedder(), SimilarityThreshold = 0.95f });

        var first = await cached.GetResponseAsync("what are the opening hours");
        var reworded = await cached.GetResponseAsync("what are the opening hours?!"); // same letters: cosine 1, different exact key
        var unrelated = await cached.GetResponseAsync("zebra jazz quiz");

        Assert.Equal(2, inner.Calls);
        Assert.Equal(first.Text, reworded.Text);
        Assert.NotEqual(first.Text, unrelated.Text);
        Assert.Equal(new ResponseCacheStatistics(0, 1, 2), cached.Statistics);
    }

    [Fact]
    public async Task A_second_instance_on_the_same_file_finds_what_the_first_stores_later()
    {
        var firstInner = new CountingChatClient();
        var secondInner = new CountingChatClient();
        using var first = firstInner.WithResponseCache(new ResponseCacheOptions(Db) { Embedder = new LetterCountEmbedder() });
        using var second = secondInner.WithResponseCache(new ResponseCacheOptions(Db) { Embedder = new LetterCountEmbedder() });
        await second.GetResponseAsync("zebra jazz quiz"); // the second instance's index is loaded before the first writes

        var original = await first.GetResponseAsync("what are the opening hours");
        var reworded = await second.GetResponseAsync("What are the opening hours?");

        Assert.Equal(original.Text, reworded.Text);
        Assert.Equal(1, secondInner.Calls);
        Assert.Equal(new ResponseCacheStatistics(0, 1, 1), second.Statistics);
    }

    [Fact]
    public async Task An_expired_entry_gives_no_semantic_hit()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var inner = new CountingChatClient();
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db) { Embedder = new LetterCountEmbedder(), TimeToLive = TimeSpan.FromMinutes(10), TimeProvider = clock });

        await cached.GetResponseAsync("what are the opening hours");
        clock.Advance(TimeSpan.FromMinutes(9));
        var fresh = await cached.GetResponseAsync("what are the opening hours?");
        clock.Advance(TimeSpan.FromMinutes(2));
        var late = await cached.GetResponseAsync("what are the opening hours!");

        Assert.Equal("answer 1 to what are the opening hours", fresh.Text);
        Assert.Equal("answer 2 to what are the opening hours!", late.Text);
        Assert.Equal(new ResponseCacheStatistics(0, 1, 2), cached.Statistics);
    }

    [Fact]
    public async Task Semantic_match_needs_the_same_options()
    {
        var inner = new CountingChatClient();
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db) { Embedder = new LetterCountEmbedder() });

        await cached.GetResponseAsync("what are the opening hours", new ChatOptions { Seed = 1 });
        await cached.GetResponseAsync("what are the opening hours?", new ChatOptions { Seed = 2 });

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Entries_expire_after_the_time_to_live()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var inner = new CountingChatClient();
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db) { TimeToLive = TimeSpan.FromMinutes(10), TimeProvider = clock });

        await cached.GetResponseAsync("q");
        clock.Advance(TimeSpan.FromMinutes(9));
        await cached.GetResponseAsync("q");
        Assert.Equal(1, inner.Calls);

        clock.Advance(TimeSpan.FromMinutes(2));
        await cached.GetResponseAsync("q");
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Streaming_miss_is_stored_and_then_replayed()
    {
        var inner = new CountingChatClient();
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db));

        var first = await cached.GetStreamingResponseAsync("q").ToChatResponseAsync();
        var second = await cached.GetStreamingResponseAsync("q").ToChatResponseAsync();
        var plain = await cached.GetResponseAsync("q");

        Assert.Equal(1, inner.Calls);
        Assert.Equal("streamed answer 1", first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Text, plain.Text);
        Assert.Equal(ChatFinishReason.Stop, second.FinishReason);
    }

    [Fact]
    public async Task Entries_survive_reopening_the_file()
    {
        var inner = new CountingChatClient();
        using (var cached = inner.WithResponseCache(new ResponseCacheOptions(Db)))
        {
            await cached.GetResponseAsync("q");
        }
        using (var reopened = inner.WithResponseCache(new ResponseCacheOptions(Db)))
        {
            var again = await reopened.GetResponseAsync("q");
            Assert.Equal("answer 1 to q", again.Text);
        }
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task Sampling_without_a_seed_is_not_cached_unless_asked()
    {
        var inner = new CountingChatClient();
        using (var cached = inner.WithResponseCache(new ResponseCacheOptions(Db)))
        {
            await cached.GetResponseAsync("q", new ChatOptions { Temperature = 0.7f });
            await cached.GetResponseAsync("q", new ChatOptions { Temperature = 0.7f });
            Assert.Equal(2, inner.Calls);
            Assert.Equal(new ResponseCacheStatistics(0, 0, 0), cached.Statistics);

            await cached.GetResponseAsync("q", new ChatOptions { Temperature = 0.7f, Seed = 42 });
            await cached.GetResponseAsync("q", new ChatOptions { Temperature = 0.7f, Seed = 42 });
            Assert.Equal(3, inner.Calls);
        }
        using var opted = inner.WithResponseCache(new ResponseCacheOptions(Db) { CacheNondeterministic = true });
        await opted.GetResponseAsync("q", new ChatOptions { Temperature = 0.7f });
        await opted.GetResponseAsync("q", new ChatOptions { Temperature = 0.7f });
        Assert.Equal(4, inner.Calls);
    }

    [Fact]
    public async Task Tool_call_responses_are_not_cached()
    {
        var inner = new CountingChatClient { CallTool = true };
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db));

        await cached.GetResponseAsync("q");
        await cached.GetResponseAsync("q");

        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task Hits_and_misses_are_counted_on_the_meter()
    {
        var inner = new CountingChatClient();
        using var cached = inner.WithResponseCache(new ResponseCacheOptions(Db));
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CachingChatClient.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var match = tags.ToArray().Single(t => t.Key == "match").Value;
            lock (counts)
            {
                var name = $"{instrument.Name}/{match}";
                counts[name] = counts.GetValueOrDefault(name) + value;
            }
        });
        listener.Start();

        await cached.GetResponseAsync("meter question 7f3a");
        await cached.GetResponseAsync("meter question 7f3a");

        // Other tests' clients share the meter name, so only check ours were counted at least.
        Assert.True(counts.GetValueOrDefault("hybridai.cache.hits/exact") >= 1);
        Assert.True(counts.GetValueOrDefault("hybridai.cache.misses/exact") >= 1);
    }

    [Fact]
    public async Task A_file_that_is_not_a_cache_is_refused_with_its_name()
    {
        await File.WriteAllTextAsync(Db, "this is not a database, just some text that is long enough to fill a header page......");
        using var cached = new CountingChatClient().WithResponseCache(new ResponseCacheOptions(Db));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => cached.GetResponseAsync("secret prompt"));

        Assert.Contains(Db, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret prompt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_sqlite_database_is_refused()
    {
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE orders (id INTEGER)";
            command.ExecuteNonQuery();
        }
        using var cached = new CountingChatClient().WithResponseCache(new ResponseCacheOptions(Db));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => cached.GetResponseAsync("q"));

        Assert.Contains("not a HybridAI response cache", error.Message, StringComparison.Ordinal);
    }
}
