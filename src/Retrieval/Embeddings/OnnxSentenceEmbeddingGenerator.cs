using HybridAI.Native.OnnxRuntime;
using Microsoft.Extensions.AI;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Embeds text with a BERT-family sentence-transformer model you bring as an ONNX file and its vocab.txt
/// (all-MiniLM-L6-v2, BGE, E5…), run in-process by ONNX Runtime. Texts are tokenized with BERT's WordPiece,
/// cut at <see cref="OnnxSentenceEmbeddingOptions.MaxSequenceLength"/>, run in batches padded to the batch's longest
/// text, and the token vectors are pooled (attention-masked mean by default) and scaled to unit length.
/// A text with no tokens (empty, only whitespace or control characters) gives the zero vector without a model run.
/// One generator may be used from many threads at once; dispose it to release the model.
/// </summary>
/// <example>
/// <code>
/// using var embedder = new OnnxSentenceEmbeddingGenerator(new OnnxSentenceEmbeddingOptions
/// {
///     ModelPath = "models/all-MiniLM-L6-v2/model.onnx", // vocab.txt is read from the same folder
/// });
/// var vectors = await embedder.GenerateAsync(["my card was charged twice", "double payment on my account"]);
/// float similarity = System.Numerics.Tensors.TensorPrimitives.Dot(vectors[0].Vector.Span, vectors[1].Vector.Span);
/// </code>
/// </example>
public sealed class OnnxSentenceEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The provider name reported in <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    public const string ProviderName = "hybridai-onnx-sentence";

    private readonly OnnxSentenceEmbeddingOptions _options;
    private readonly OnnxSession _session;
    private readonly WordPieceTokenizer _tokenizer;
    private readonly SentenceModelSignature _signature;
    private readonly string[] _outputNames;
    private readonly int _maxLength;
    private readonly int _batchSize;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private volatile bool _disposed;

    /// <summary>Loads the model and the vocabulary; <paramref name="options"/> are copied, later changes to them have no effect.</summary>
    /// <exception cref="ArgumentException">No <see cref="OnnxSentenceEmbeddingOptions.ModelPath"/>, or an option is out of range.</exception>
    /// <exception cref="FileNotFoundException">The model or the vocabulary file does not exist (the message names it).</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the model file (corrupt, truncated); the message names it.</exception>
    /// <exception cref="InvalidDataException">
    /// The model lacks <c>input_ids</c>/<c>attention_mask</c> or a usable output (the message lists what it has), or the
    /// vocabulary is empty or lacks [CLS], [SEP], [UNK] or [PAD].
    /// </exception>
    /// <exception cref="DllNotFoundException">ONNX Runtime itself is not installed.</exception>
    public OnnxSentenceEmbeddingGenerator(OnnxSentenceEmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validated();
        _session = OnnxSession.FromFile(_options.ModelPath, new OnnxSessionOptions { IntraOpThreads = _options.IntraOpThreads });
        try
        {
            _signature = SentenceModelSignature.Read(_session, _options.OutputName, _options.ModelPath);
            _tokenizer = WordPieceTokenizer.FromFile(_options.VocabularyPath!, _options.LowerCase, _options.StripAccents);
            _outputNames = [_signature.OutputName];
            _maxLength = Math.Min(_options.MaxSequenceLength, _signature.SequenceLength ?? int.MaxValue);
            _batchSize = Math.Min(_options.BatchSize, _signature.BatchSize ?? int.MaxValue);

            // A hidden size the graph leaves symbolic is learnt from one tiny run, so the metadata is right from the start.
            int dimensions = _signature.Dimensions ?? Run([[_tokenizer.ClsId, _tokenizer.SepId]], CancellationToken.None)[0].Length;
            string modelId = _options.ModelId ?? FormattableString.Invariant(
                $"{Path.GetFileName(Path.GetDirectoryName(_options.ModelPath))}/{Path.GetFileNameWithoutExtension(_options.ModelPath)}-{_options.Pooling.ToString().ToLowerInvariant()}-{_maxLength}{(_options.Normalize ? "" : "-raw")}");
            _metadata = new EmbeddingGeneratorMetadata(ProviderName, new Uri(_options.ModelPath), modelId, dimensions);
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>Length of the vectors: the model's hidden size.</summary>
    public int Dimensions => _metadata.DefaultModelDimensions!.Value;

    /// <summary>Identifies the model and settings: vectors are comparable only with the same id.</summary>
    public string ModelId => _metadata.DefaultModelId!;

    /// <inheritdoc />
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired (checked between batches and inside a run).</exception>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        ObjectDisposedException.ThrowIf(_disposed, this);
        LocalEmbedding.CheckDimensions(options, Dimensions);

        float[][] vectors = EmbedAll([.. values], cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (float[] vector in vectors)
        {
            result.Add(LocalEmbedding.Wrap(vector, ModelId));
        }

        return Task.FromResult(result);
    }

    /// <summary>Embeds one text synchronously; the same vector <see cref="GenerateAsync"/> gives.</summary>
    public float[] Embed(string? text)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return EmbedAll([text ?? string.Empty], CancellationToken.None)[0];
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
        => LocalEmbedding.GetService(this, _metadata, serviceType, serviceKey);

    /// <summary>Releases the model (after any run still in flight on another thread).</summary>
    public void Dispose()
    {
        _disposed = true;
        _session.Dispose();
    }

    private float[][] EmbedAll(string[] texts, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Length][];
        var encoded = new int[texts.Length][];
        var pending = new List<int>(texts.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            encoded[i] = _tokenizer.Encode(texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts)), _maxLength);
            if (encoded[i].Length <= 2)
            {
                vectors[i] = new float[Dimensions];
            }
            else
            {
                pending.Add(i);
            }
        }

        // Texts of similar length share a batch, so little of each run is padding; results go back in input order.
        int[] order = [.. pending.OrderBy(i => encoded[i].Length)];
        var batch = new List<int[]>(Math.Min(_batchSize, order.Length));
        for (int start = 0; start < order.Length; start += _batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int count = Math.Min(_batchSize, order.Length - start);
            batch.Clear();
            for (int k = 0; k < count; k++)
            {
                batch.Add(encoded[order[start + k]]);
            }

            float[][] pooled = Run(batch, cancellationToken);
            for (int k = 0; k < count; k++)
            {
                vectors[order[start + k]] = pooled[k];
            }
        }

        return vectors;
    }

    private float[][] Run(List<int[]> sequences, CancellationToken cancellationToken)
    {
        var batch = SentenceBatch.Create(sequences, _tokenizer.PadId, _signature.SequenceLength, _signature.BatchSize);
        using var ids = OnnxTensor.Create(batch.Ids, batch.Rows, batch.Length);
        using var mask = OnnxTensor.Create(batch.Mask, batch.Rows, batch.Length);
        using var types = _signature.HasTokenTypeIds ? OnnxTensor.Create(batch.TokenTypes, batch.Rows, batch.Length) : null;
        var inputs = new Dictionary<string, OnnxTensor>(3, StringComparer.Ordinal)
        {
            [SentenceModelSignature.InputIds] = ids,
            [SentenceModelSignature.AttentionMask] = mask,
        };
        if (types is not null)
        {
            inputs[SentenceModelSignature.TokenTypeIds] = types;
        }

        using OnnxRunResult outputs = _session.Run(inputs, _outputNames, cancellationToken);
        OnnxTensor output = outputs[0].AsTensor();
        IReadOnlyList<long> shape = output.Shape;
        bool pooled = shape.Count == 2;
        if (shape.Count is not (2 or 3) || shape[0] != batch.Rows || (!pooled && shape[1] != batch.Length) || shape[^1] < 1)
        {
            throw new InvalidDataException(
                $"The model '{_options.ModelPath}' gave '{_signature.OutputName}' of shape [{string.Join(", ", shape)}] for a batch of {batch.Rows}×{batch.Length} tokens; " +
                $"expected [{batch.Rows}, hidden] or [{batch.Rows}, {batch.Length}, hidden].");
        }

        int width = checked((int)shape[^1]);
        if (_metadata is not null && width != Dimensions)
        {
            throw new InvalidDataException($"The model '{_options.ModelPath}' gave {width}-dimensional vectors after {Dimensions}-dimensional ones.");
        }

        float[] values = output.ToArray<float>();
        var vectors = new float[sequences.Count][];
        int rowSize = pooled ? width : batch.Length * width;
        for (int r = 0; r < vectors.Length; r++)
        {
            var vector = new float[width];
            ReadOnlySpan<float> row = values.AsSpan(r * rowSize, rowSize);
            if (pooled)
            {
                row.CopyTo(vector);
            }
            else
            {
                SentencePoolers.Pool(row, batch.MaskOf(r), _options.Pooling, vector);
            }

            if (_options.Normalize)
            {
                VectorMath.NormalizeInPlace(vector);
            }

            vectors[r] = vector;
        }

        return vectors;
    }
}
