using System.Buffers;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Embeds text as a weighted average of pretrained word vectors (SIF, Arora et al. 2017: weights a / (a + p(w)), then
/// the common component removed), scaled to unit length. Captures meaning beyond shared spelling ("refund" is near
/// "reimbursement") without a neural model. Words not in the vocabulary are skipped; a text with no known word gives
/// the zero vector (cosine 0 with everything, never NaN).
/// The generator does not own <see cref="WordVectors"/>: dispose the vectors after the generator is no longer used.
/// </summary>
/// <example>
/// <code>
/// using WordVectors vectors = WinkWordVectors.Open(); // converts the npm JSON on first use, then memory-maps it
/// using var embedder = new WordVectorEmbeddingGenerator(vectors);
/// var embeddings = await embedder.GenerateAsync(["my card was charged twice", "double payment on my account"]);
/// float similarity = TensorPrimitives.CosineSimilarity(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
/// </code>
/// </example>
public sealed class WordVectorEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "hybridai-word-vectors";

    private const int StackTokens = 256;

    private readonly WordVectors _vectors;
    private readonly WordWeighting _weighting;
    private readonly double _sifA;
    private readonly float[]? _component;
    private readonly ZipfWordFrequency _zipf;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates a generator over <paramref name="vectors"/>; <paramref name="options"/> are read once.</summary>
    /// <exception cref="ArgumentException">The options' common component does not have the vectors' dimensions, or <see cref="WordVectorEmbeddingOptions.SifA"/> is not positive.</exception>
    public WordVectorEmbeddingGenerator(WordVectors vectors, WordVectorEmbeddingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        options ??= new WordVectorEmbeddingOptions();
        _vectors = vectors;
        _weighting = options.Weighting;
        _sifA = options.SifA;
        float[] component = options.ResolveComponent(vectors);
        _component = options.RemoveCommonComponent ? component : null;
        _zipf = new ZipfWordFrequency(vectors.Count);
        string model = Path.GetFileNameWithoutExtension(vectors.FilePath)
            + (_weighting == WordWeighting.Sif ? FormattableString.Invariant($"-sif{_sifA:0.#####}") : "-mean")
            + (_component is null ? "" : options.CommonComponent is null ? "-cc" : "-cc-fitted");
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, model, vectors.Dimensions);
    }

    /// <summary>Length of the vectors (that of the word vectors).</summary>
    public int Dimensions => _vectors.Dimensions;

    /// <summary>Identifies the vectors file and settings: vectors are comparable only with the same id.</summary>
    public string ModelId => _metadata.DefaultModelId!;

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        LocalEmbedding.CheckDimensions(options, Dimensions);
        return Task.FromResult(LocalEmbedding.EachText(values, ModelId, Embed, cancellationToken));
    }

    /// <summary>Embeds one text synchronously; the same vector <see cref="GenerateAsync"/> gives.</summary>
    public float[] Embed(string? text)
    {
        var vector = new float[Dimensions];
        Embed((text ?? string.Empty).AsSpan(), vector);
        return vector;
    }

    /// <summary>Embeds <paramref name="text"/> into <paramref name="destination"/> (length <see cref="Dimensions"/>).</summary>
    public void Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        LocalEmbedding.CheckDestination(destination, Dimensions);

        WeightedAverage(text, destination);
        if (_component is not null)
        {
            TensorPrimitives.MultiplyAdd(_component, -TensorPrimitives.Dot(destination, _component), destination, destination);
        }

        VectorMath.NormalizeInPlace(destination);
    }

    /// <summary>
    /// Fits the common component on <paramref name="corpus"/> (typically the documents to be indexed): the first
    /// principal direction of their weighted averages. Pass the result as
    /// <see cref="WordVectorEmbeddingOptions.CommonComponent"/> to a new generator, and keep it with the index, so
    /// that documents and later queries remove the same direction.
    /// </summary>
    public float[] FitCommonComponent(IEnumerable<string> corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var moment = new PrincipalDirection(Dimensions);
        var average = new float[Dimensions];
        foreach (string text in corpus)
        {
            WeightedAverage((text ?? string.Empty).AsSpan(), average);
            moment.Add(average, 1);
        }

        return moment.Solve();
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
        => LocalEmbedding.GetService(this, _metadata, serviceType, serviceKey, _vectors);

    /// <summary>Does not dispose the <see cref="WordVectors"/>, which may be shared by several generators.</summary>
    public void Dispose()
    {
    }

    /// <summary>The weighted mean of the known words' vectors (zeros when there is none).</summary>
    private void WeightedAverage(ReadOnlySpan<char> text, Span<float> destination)
    {
        destination.Clear();
        int[]? rentedRows = text.Length + 1 > StackTokens ? ArrayPool<int>.Shared.Rent(text.Length + 1) : null;
        char[]? rentedChars = text.Length * 3 > StackTokens * 3 ? ArrayPool<char>.Shared.Rent(text.Length * 3) : null;
        try
        {
            Span<int> rows = rentedRows ?? stackalloc int[StackTokens];
            Span<char> scratch = rentedChars ?? stackalloc char[StackTokens * 3];
            int count = WordVectorTokenizer.Tokenize(text, _vectors, rows, scratch);
            float total = 0;
            foreach (int row in rows[..count])
            {
                float weight = _weighting == WordWeighting.Sif ? _zipf.SifWeight(row, _sifA) : 1f;
                TensorPrimitives.MultiplyAdd(_vectors.GetVector(row), weight, destination, destination);
                total += weight;
            }

            if (total > 0)
            {
                // SIF divides by the word count, not the weight total; either way the vector is rescaled later, and
                // using the count keeps the paper's definition for FitCommonComponent.
                TensorPrimitives.Divide(destination, count, destination);
            }
        }
        finally
        {
            if (rentedRows is not null)
            {
                ArrayPool<int>.Shared.Return(rentedRows);
            }

            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }
        }
    }
}
