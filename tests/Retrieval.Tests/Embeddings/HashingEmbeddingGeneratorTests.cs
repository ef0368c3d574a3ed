using System.Numerics.Tensors;
using HybridAI.Retrieval.Embeddings;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Tests.Embeddings;

public sealed class HashingEmbeddingGeneratorTests
{
    private static readonly HashingEmbeddingGenerator Default = new();

    [Fact]
    public void Vectors_have_unit_length_and_the_configured_dimensions()
    {
        var embedder = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 256 });

        float[] v = embedder.Embed("Where is my refund? I paid twice.");

        Assert.Equal(256, v.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(v), 5);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("?!… -- ")]
    [InlineData(null)]
    public void Text_without_letters_or_digits_gives_the_zero_vector_not_NaN(string? text)
    {
        float[] v = Default.Embed(text);

        Assert.All(v, x => Assert.Equal(0f, x));
    }

    [Fact]
    public void The_same_text_gives_the_same_vector_pinned_across_processes_and_machines()
    {
        var embedder = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 64 });

        float[] v = embedder.Embed("refund");

        // Pinned: a change to the hash or the features changes every stored vector, so it must be deliberate.
        int[] nonZero = [.. Enumerable.Range(0, 64).Where(i => v[i] != 0)];
        Assert.Equal(embedder.Embed("refund"), v);
        Assert.Equal(PinnedRefundIndexes, nonZero);
        Assert.Equal(PinnedRefundFirstValue, v[nonZero[0]]);
    }

    [Fact]
    public void Case_and_French_accents_are_folded()
    {
        Assert.Equal(Default.Embed("eleve a l'ecole, coeur"), Default.Embed("ÉLÈVE à l’École, cœur"));
        Assert.Equal(Default.Embed("cafe"), Default.Embed("cafe\u0301".Replace("e\u0301", "é", StringComparison.Ordinal)));
        Assert.Equal(Default.Embed("cafe"), Default.Embed("cafe\u0301"));

        var strict = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { FoldCase = false, FoldAccents = false });
        Assert.NotEqual(strict.Embed("Élève"), strict.Embed("eleve"));
    }

    [Fact]
    public void Shared_words_and_spellings_score_higher_than_unrelated_text()
    {
        float Cos(string a, string b) => TensorPrimitives.CosineSimilarity(Default.Embed(a), Default.Embed(b));

        float inflected = Cos("refund my order", "refunded orders");
        float unrelated = Cos("refund my order", "the weather in Paris");

        Assert.True(inflected > 0.15f, $"inflected {inflected}");
        Assert.True(unrelated < 0.05f, $"unrelated {unrelated}");
    }

    [Fact]
    public void Word_bigrams_make_word_order_count()
    {
        var words = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { MaxCharNGram = 0, WordNGrams = 1 });
        var pairs = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { MaxCharNGram = 0, WordNGrams = 2 });

        Assert.Equal(words.Embed("new york"), words.Embed("york new"));
        Assert.NotEqual(pairs.Embed("new york"), pairs.Embed("york new"));
    }

    [Fact]
    public void Signed_hashing_gives_signs_and_unsigned_hashing_none()
    {
        const string text = "a longer sentence with many different words and pieces of words";
        var unsigned = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { SignedHashing = false });

        Assert.Contains(Default.Embed(text), x => x < 0);
        Assert.DoesNotContain(unsigned.Embed(text), x => x < 0);
    }

    [Fact]
    public void Signed_hashing_keeps_unrelated_texts_near_zero_cosine_despite_collisions()
    {
        // 32 dimensions force collisions; unsigned hashing then makes every pair look similar.
        var signed = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 32 });
        var unsigned = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 32, SignedHashing = false });
        string[] texts = ["invoice overdue payment", "printer jammed again", "flight delayed by storms", "password reset link", "cat food delivery", "quarterly tax report"];

        double Mean(HashingEmbeddingGenerator g) =>
            (from a in texts from b in texts where string.CompareOrdinal(a, b) < 0 select (double)TensorPrimitives.CosineSimilarity(g.Embed(a), g.Embed(b))).Average();

        Assert.True(Math.Abs(Mean(signed)) < Mean(unsigned), $"signed {Mean(signed)}, unsigned {Mean(unsigned)}");
    }

    [Fact]
    public async Task GenerateAsync_gives_Embed_s_vectors_and_metadata_names_the_settings()
    {
        var embedder = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 128 });
#pragma warning disable CA1859 // the test goes through the interface, as callers of the library do
        IEmbeddingGenerator<string, Embedding<float>> generator = embedder;
#pragma warning restore CA1859

        var result = await generator.GenerateAsync(["one", "two"]);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.Equal(embedder.Embed("two"), result[1].Vector.ToArray());
        Assert.Equal(HashingEmbeddingGenerator.ProviderName, metadata!.ProviderName);
        Assert.Equal(128, metadata.DefaultModelDimensions);
        Assert.Equal("hashing-v1-d128-w2-c3-5-case-accents-signed", metadata.DefaultModelId);
        Assert.Equal(metadata.DefaultModelId, result[0].ModelId);
        Assert.Same(embedder, generator.GetService<HashingEmbeddingGenerator>());
        await Assert.ThrowsAsync<ArgumentException>(() => generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 64 }));
    }

    [Fact]
    public void Options_are_validated_and_copied()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 8 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HashingEmbeddingGenerator(new HashingEmbeddingOptions { MinCharNGram = 6, MaxCharNGram = 5 }));
        Assert.Throws<ArgumentException>(() => new HashingEmbeddingGenerator(new HashingEmbeddingOptions { WordNGrams = 0, MaxCharNGram = 0 }));

        var options = new HashingEmbeddingOptions { Dimensions = 64 };
        var embedder = new HashingEmbeddingGenerator(options);
        options.Dimensions = 512;
        Assert.Equal(64, embedder.Embed("x").Length);
    }

    [Fact]
    public void Long_texts_and_long_words_use_pooled_buffers_with_the_same_result()
    {
        string word = new('x', 300);
        string text = string.Join(' ', Enumerable.Repeat("refund request for order", 200)) + " " + word;

        Assert.Equal(Default.Embed(text), Default.Embed(text));
        Assert.Equal(1f, TensorPrimitives.Norm(Default.Embed(text)), 4);
    }

    [Fact]
    public void Concurrent_callers_get_the_sequential_vectors()
    {
        string[] texts = [.. Enumerable.Range(0, 200).Select(i => $"ticket {i} about order {i * 7} and refund")];
        float[][] expected = [.. texts.Select(Default.Embed)];
        var actual = new float[texts.Length][];

        Parallel.For(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Default.Embed(texts[i]));

        Assert.Equal(expected, actual);
    }

    private static readonly int[] PinnedRefundIndexes = [1, 3, 4, 7, 15, 20, 21, 33, 38, 48, 53, 54, 55, 61];
    private const float PinnedRefundFirstValue = -0.34299716f;
}
