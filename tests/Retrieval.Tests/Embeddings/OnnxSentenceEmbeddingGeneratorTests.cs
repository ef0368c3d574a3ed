using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;
using HybridAI.Retrieval.Embeddings;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Tests.Embeddings;

public sealed class OnnxSentenceEmbeddingGeneratorTests
{
    private const float Tolerance = 1e-5f;
    private static readonly WordPieceTokenizer Tokenizer = WordPieceTokenizer.FromTokens(TinyBert.Vocabulary);
    private static readonly string[] Texts =
    [
        "The cat sat on the mat.", "hello", "Hello, world!", "unaffable dogs run fast", "中国 café",
        "the dog runs slowly", "playing", "a b a b a b a b a b",
    ];

    private readonly TinyBert _bert = new();

    [OnnxRuntimeFact]
    public async Task Vectors_match_an_independent_computation_from_the_same_weights()
    {
        using var dir = new TempDirectory();
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir) });
        var embeddings = await embedder.GenerateAsync(Texts);
        for (int i = 0; i < Texts.Length; i++)
        {
            AssertClose(_bert.Expected(Tokenizer.Encode(Texts[i], 256)), embeddings[i].Vector.Span);
            Assert.Equal(1f, System.Numerics.Tensors.TensorPrimitives.Norm(embeddings[i].Vector.Span), 5);
        }
    }

    [OnnxRuntimeFact]
    public async Task Cls_pooling_and_unnormalised_vectors_match_too()
    {
        using var dir = new TempDirectory();
        string model = _bert.Write(dir);
        using var cls = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = model, Pooling = SentencePooling.Cls });
        using var raw = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = model, Normalize = false });
        var a = await cls.GenerateAsync(Texts);
        var b = await raw.GenerateAsync(Texts);
        for (int i = 0; i < Texts.Length; i++)
        {
            int[] ids = Tokenizer.Encode(Texts[i], 256);
            AssertClose(_bert.Expected(ids, SentencePooling.Cls), a[i].Vector.Span);
            AssertClose(_bert.Expected(ids, normalize: false), b[i].Vector.Span);
        }
    }

    [OnnxRuntimeFact]
    public async Task Padding_in_a_batch_does_not_change_a_texts_vector()
    {
        using var dir = new TempDirectory();
        using var batched = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir), BatchSize = 32 });
        using var single = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = dir.File("model.onnx"), BatchSize = 1 });
        var together = await batched.GenerateAsync(Texts);
        for (int i = 0; i < Texts.Length; i++)
        {
            AssertClose(single.Embed(Texts[i]), together[i].Vector.Span);
            AssertClose((await batched.GenerateAsync([Texts[i]]))[0].Vector.Span.ToArray(), together[i].Vector.Span);
        }
    }

    [OnnxRuntimeFact]
    public void Long_texts_are_cut_at_the_maximum_length()
    {
        using var dir = new TempDirectory();
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir), MaxSequenceLength = 6 });
        string text = "the cat sat on the mat the dog runs fast";
        int[] cut = [2, 5, 6, 7, 8, 3];
        Assert.Equal(cut, Tokenizer.Encode(text, 6));
        AssertClose(_bert.Expected(cut), embedder.Embed(text));
        AssertClose(embedder.Embed("the cat sat on"), embedder.Embed(text));
        Assert.EndsWith("/model-mean-6", embedder.ModelId, StringComparison.Ordinal);
    }

    [OnnxRuntimeFact]
    public void Empty_text_gives_the_zero_vector()
    {
        using var dir = new TempDirectory();
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir) });
        Assert.All(embedder.Embed("  \t "), v => Assert.Equal(0f, v));
        Assert.Equal(TinyBert.Hidden, embedder.Embed("").Length);
    }

    [OnnxRuntimeFact]
    public void Metadata_takes_the_dimensions_from_the_graph()
    {
        using var dir = new TempDirectory();
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir) });
        var metadata = (EmbeddingGeneratorMetadata)embedder.GetService(typeof(EmbeddingGeneratorMetadata))!;
        Assert.Equal(TinyBert.Hidden, metadata.DefaultModelDimensions);
        Assert.Equal(OnnxSentenceEmbeddingGenerator.ProviderName, metadata.ProviderName);
        Assert.Equal(embedder.ModelId, metadata.DefaultModelId);
        Assert.Same(embedder, embedder.GetService(typeof(IEmbeddingGenerator<string, Embedding<float>>)));

        using var symbolic = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir, _bert.Build(symbolicHidden: true), "symbolic.onnx"), ModelId = "tiny" });
        Assert.Equal(TinyBert.Hidden, symbolic.Dimensions);
        Assert.Equal("tiny", symbolic.ModelId);
    }

    [OnnxRuntimeFact]
    public void Token_type_ids_are_fed_only_when_the_graph_takes_them()
    {
        using var dir = new TempDirectory();
        using var without = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir, _bert.Build(tokenTypes: false)) });
        AssertClose(_bert.Expected(Tokenizer.Encode(Texts[0], 256)), without.Embed(Texts[0]));
    }

    [OnnxRuntimeFact]
    public void A_pooled_sentence_embedding_output_is_used_directly()
    {
        using var dir = new TempDirectory();
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir, _bert.Build(pooledOutput: true)), Pooling = SentencePooling.Cls });
        // Cls would differ: the graph's own mean pooling is what comes out.
        AssertClose(_bert.Expected(Tokenizer.Encode(Texts[0], 256)), embedder.Embed(Texts[0]));
    }

    [OnnxRuntimeFact]
    public void A_configured_output_name_is_read()
    {
        using var dir = new TempDirectory();
        string model = _bert.Write(dir, _bert.Build(outputName: "token_embeddings"));
        var error = Assert.Throws<InvalidDataException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = model }));
        Assert.Contains("token_embeddings Float[batch, sequence, 8]", error.Message, StringComparison.Ordinal);
        Assert.Contains("OutputName", error.Message, StringComparison.Ordinal);
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = model, OutputName = "token_embeddings" });
        AssertClose(_bert.Expected(Tokenizer.Encode(Texts[1], 256)), embedder.Embed(Texts[1]));
    }

    [OnnxRuntimeFact]
    public void A_graph_with_a_fixed_sequence_length_gets_batches_of_that_length()
    {
        using var dir = new TempDirectory();
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir, _bert.Build(fixedSequence: 12)), MaxSequenceLength = 64 });
        foreach (string text in Texts)
        {
            AssertClose(_bert.Expected(Tokenizer.Encode(text, 12)), embedder.Embed(text));
        }
    }

    [OnnxRuntimeFact]
    public async Task Many_threads_share_one_generator()
    {
        using var dir = new TempDirectory();
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir), BatchSize = 3 });
        float[][] expected = [.. Texts.Select(t => _bert.Expected(Tokenizer.Encode(t, 256)))];
        await Parallel.ForAsync(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, ct) =>
        {
            string[] rotated = [.. Texts.Skip(n % Texts.Length), .. Texts.Take(n % Texts.Length)];
            var embeddings = await embedder.GenerateAsync(rotated, cancellationToken: ct);
            for (int i = 0; i < rotated.Length; i++)
            {
                AssertClose(expected[(i + n) % Texts.Length], embeddings[i].Vector.Span);
            }
        });
    }

    [OnnxRuntimeFact]
    public async Task Cancellation_stops_between_batches()
    {
        using var dir = new TempDirectory();
        using var embedder = new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir), BatchSize = 1 });
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embedder.GenerateAsync(Texts, cancellationToken: cts.Token));

        // Cancelled while the texts are being read: no batch runs.
        using var late = new CancellationTokenSource();
        IEnumerable<string> TextsThenCancel()
        {
            foreach (string text in Texts)
            {
                yield return text;
            }

            late.Cancel();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embedder.GenerateAsync(TextsThenCancel(), cancellationToken: late.Token));
    }

    [OnnxRuntimeFact]
    public void Missing_or_corrupt_files_are_named()
    {
        using var dir = new TempDirectory();
        var missing = Assert.Throws<FileNotFoundException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = dir.File("none.onnx") }));
        Assert.Contains(dir.File("none.onnx"), missing.Message, StringComparison.Ordinal);

        string corrupt = dir.Write("corrupt.onnx", "this is not a protobuf model");
        var bad = Assert.Throws<OnnxRuntimeException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = corrupt }));
        Assert.Contains(corrupt, bad.Message, StringComparison.Ordinal);

        string model = dir.File("model.onnx");
        File.WriteAllBytes(model, _bert.Build());
        var noVocab = Assert.Throws<FileNotFoundException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = model }));
        Assert.Contains(dir.File("vocab.txt"), noVocab.Message, StringComparison.Ordinal);

        dir.Write("other.txt", "[PAD]\n[UNK]\n[CLS]\n");
        var noSep = Assert.Throws<InvalidDataException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = model, VocabularyPath = dir.File("other.txt") }));
        Assert.Contains("[SEP]", noSep.Message, StringComparison.Ordinal);
    }

    [OnnxRuntimeFact]
    public void A_model_without_the_expected_inputs_is_rejected_with_what_it_has()
    {
        using var dir = new TempDirectory();
        byte[] identity = new OnnxModelBuilder("identity").ImportOpset("", 17)
            .Input("x", TypeProto.Tensor(OnnxElementType.Float, "n", 3))
            .Node("Identity", ["x"], ["y"])
            .Output("y", TypeProto.Tensor(OnnxElementType.Float, "n", 3))
            .Build().ToByteArray();
        var error = Assert.Throws<InvalidDataException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = _bert.Write(dir, identity) }));
        Assert.Contains("input_ids", error.Message, StringComparison.Ordinal);
        Assert.Contains("inputs x Float[n, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("outputs y Float[n, 3]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentException>(() => new OnnxSentenceEmbeddingGenerator(new()));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = "m.onnx", MaxSequenceLength = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = "m.onnx", BatchSize = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnnxSentenceEmbeddingGenerator(new() { ModelPath = "m.onnx", Pooling = (SentencePooling)9 }));
    }

    private static void AssertClose(float[] expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance, $"dimension {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
