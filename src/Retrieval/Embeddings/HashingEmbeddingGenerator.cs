using System.Buffers;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Embeds text without a model: word n-grams and character n-grams are hashed into a fixed number of dimensions
/// (the "hashing trick") and the result is scaled to unit length. Similar spellings and shared words give similar
/// vectors; meaning beyond that (synonyms) is not captured: use <see cref="WordVectorEmbeddingGenerator"/> for that.
/// The hash is fixed, so the same text gives the same vector in every process and on every machine.
/// A text with no letters or digits gives the zero vector.
/// </summary>
/// <example>
/// <code>
/// using var embedder = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimensions = 512 });
/// var vectors = await embedder.GenerateAsync(["Où est mon remboursement ?", "where is my refund"]);
/// float similarity = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(vectors[0].Vector.Span, vectors[1].Vector.Span);
/// </code>
/// </example>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "hybridai-hashing";

    // Different seeds per feature kind, so the word "the" and the character trigram "the" land in different places.
    private const ulong WordSeed = 0x9E3779B97F4A7C15UL;
    private const ulong CharSeed = 0xC2B2AE3D27D4EB4FUL;
    private const int StackChars = 512;

    private readonly HashingEmbeddingOptions _options;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates a generator; <paramref name="options"/> are copied, later changes to them have no effect.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its documented range.</exception>
    public HashingEmbeddingGenerator(HashingEmbeddingOptions? options = null)
    {
        _options = (options ?? new HashingEmbeddingOptions()).Validated();
        _metadata = new EmbeddingGeneratorMetadata(ProviderName, providerUri: null, _options.ModelId(), _options.Dimensions);
    }

    /// <summary>Length of the vectors.</summary>
    public int Dimensions => _options.Dimensions;

    /// <summary>Identifies the settings (dimensions, n-grams, folding): vectors are comparable only with the same id.</summary>
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

    /// <summary>Embeds <paramref name="text"/> into <paramref name="destination"/> (length <see cref="Dimensions"/>) without allocating.</summary>
    public void Embed(ReadOnlySpan<char> text, Span<float> destination)
    {
        LocalEmbedding.CheckDestination(destination, Dimensions);

        destination.Clear();
        int capacity = TextFolding.MaxFoldedLength(text.Length);
        char[]? rented = capacity > StackChars ? ArrayPool<char>.Shared.Rent(capacity) : null;
        try
        {
            Span<char> folded = rented ?? stackalloc char[StackChars];
            int length = TextFolding.Fold(text, folded, _options.FoldCase, _options.FoldAccents);
            AddFeatures(folded[..length], destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }

        VectorMath.NormalizeInPlace(destination);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
        => LocalEmbedding.GetService(this, _metadata, serviceType, serviceKey);

    /// <summary>Holds no resources; present because the interface asks for it.</summary>
    public void Dispose()
    {
    }

    private void AddFeatures(ReadOnlySpan<char> text, Span<float> vector)
    {
        // The last few word hashes, newest last, to form word n-grams without keeping the whole token list.
        Span<ulong> recent = stackalloc ulong[HashingEmbeddingOptions.MaxNGram];
        int seen = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            ReadOnlySpan<char> word = text[start..i];
            if (_options.WordNGrams > 0)
            {
                recent[..^1].CopyTo(recent[1..]);
                recent[0] = StableHash.Chars(word, WordSeed);
                seen++;
                ulong h = recent[0];
                Add(vector, h, 1f);
                for (int n = 2; n <= Math.Min(seen, _options.WordNGrams); n++)
                {
                    h = StableHash.Combine(recent[n - 1], h);
                    Add(vector, h, 1f);
                }
            }

            if (_options.MaxCharNGram > 0)
            {
                AddCharNGrams(word, vector);
            }
        }
    }

    private void AddCharNGrams(ReadOnlySpan<char> word, Span<float> vector)
    {
        int framedLength = word.Length + 2;
        char[]? rented = framedLength > 128 ? ArrayPool<char>.Shared.Rent(framedLength) : null;
        try
        {
            Span<char> framed = (rented ?? stackalloc char[128])[..framedLength];
            framed[0] = '<';
            word.CopyTo(framed[1..]);
            framed[^1] = '>';

            int min = _options.MinCharNGram;
            int max = Math.Min(_options.MaxCharNGram, framedLength);
            int count = 0;
            for (int n = min; n <= max; n++)
            {
                count += framedLength - n + 1;
            }

            if (count == 0)
            {
                return;
            }

            // A long word has many n-grams; scaling by 1/sqrt(count) gives each word's n-gram block about the weight of
            // one word feature, so long words do not drown out the words around them.
            float weight = 1f / MathF.Sqrt(count);
            for (int n = min; n <= max; n++)
            {
                for (int s = 0; s + n <= framedLength; s++)
                {
                    Add(vector, StableHash.Chars(framed.Slice(s, n), CharSeed), weight);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private void Add(Span<float> vector, ulong hash, float weight)
    {
        // The high 32 bits choose the dimension (multiply-shift, no division), the lowest bit the sign.
        int index = (int)(((hash >> 32) * (ulong)vector.Length) >> 32);
        vector[index] += _options.SignedHashing && (hash & 1) != 0 ? -weight : weight;
    }
}
