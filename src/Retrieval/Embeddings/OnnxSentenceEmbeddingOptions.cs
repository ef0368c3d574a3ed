namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// Which BERT-family ONNX model <see cref="OnnxSentenceEmbeddingGenerator"/> runs and how. The defaults suit an uncased
/// sentence-transformers export (all-MiniLM-L6-v2 and the like): lower-cased, accents stripped, mean pooling,
/// unit-length vectors.
/// </summary>
public sealed class OnnxSentenceEmbeddingOptions
{
    /// <summary>The longest <see cref="MaxSequenceLength"/> accepted.</summary>
    public const int MaxSupportedSequenceLength = 8192;

    /// <summary>The ONNX model file (required). Its inputs are <c>input_ids</c>, <c>attention_mask</c> and optionally <c>token_type_ids</c>.</summary>
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>The model's WordPiece vocab.txt; <see langword="null"/> means the vocab.txt beside <see cref="ModelPath"/>.</summary>
    public string? VocabularyPath { get; set; }

    /// <summary>
    /// Tokens per text, [CLS] and [SEP] included; longer texts are cut (their beginning is kept). Default 256, what
    /// sentence-transformers uses for MiniLM; it must not exceed the model's position embeddings (512 for BERT).
    /// </summary>
    public int MaxSequenceLength { get; set; } = 256;

    /// <summary>Lower-cases text before WordPiece, as uncased models expect. Default <see langword="true"/>; set <see langword="false"/> for cased models.</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>Removes accents (NFD, then combining marks dropped: é→e) before WordPiece. Default <see langword="true"/>, as uncased models expect.</summary>
    public bool StripAccents { get; set; } = true;

    /// <summary>How token vectors become one vector; ignored when the model outputs a pooled <c>sentence_embedding</c>. Default <see cref="SentencePooling.Mean"/>.</summary>
    public SentencePooling Pooling { get; set; } = SentencePooling.Mean;

    /// <summary>Scales every vector to unit length (cosine similarity becomes a dot product). Default <see langword="true"/>.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>Texts per model run; each batch is padded to its longest text. Default 32.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>ONNX Runtime threads inside one operator; 0 lets ONNX Runtime choose (one per physical core). Default 0.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>
    /// The output to read; <see langword="null"/> picks <c>sentence_embedding</c> ([batch, hidden], used as is) when the
    /// model has it, else <c>last_hidden_state</c> ([batch, tokens, hidden], pooled).
    /// </summary>
    public string? OutputName { get; set; }

    /// <summary>The model id reported in the metadata and on each embedding; <see langword="null"/> uses the model file's name.</summary>
    public string? ModelId { get; set; }

    internal OnnxSentenceEmbeddingOptions Validated()
    {
        if (string.IsNullOrWhiteSpace(ModelPath))
        {
            throw new ArgumentException("Set ModelPath to the ONNX model file.", nameof(ModelPath));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSequenceLength, 3, nameof(MaxSequenceLength));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxSequenceLength, MaxSupportedSequenceLength, nameof(MaxSequenceLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads, nameof(IntraOpThreads));
        if (!Enum.IsDefined(Pooling))
        {
            throw new ArgumentOutOfRangeException(nameof(Pooling), Pooling, "Pooling must be Mean or Cls.");
        }

        // A copy, so changing these options later cannot change a generator already in use.
        var copy = (OnnxSentenceEmbeddingOptions)MemberwiseClone();
        copy.ModelPath = Path.GetFullPath(ModelPath);
        copy.VocabularyPath = Path.GetFullPath(VocabularyPath ?? Path.Combine(Path.GetDirectoryName(copy.ModelPath)!, "vocab.txt"));
        return copy;
    }
}
