using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Retrieval.Embeddings;

/// <summary>
/// What a BERT-family model takes and gives, read from its declared inputs and outputs once when it is loaded, so
/// that a model of the wrong shape fails then, with a message listing what it has, and not at the first query.
/// </summary>
internal sealed class SentenceModelSignature
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string TokenTypeIds = "token_type_ids";
    public const string SentenceEmbedding = "sentence_embedding";
    public const string LastHiddenState = "last_hidden_state";

    private SentenceModelSignature(string outputName, bool hasTokenTypeIds, bool? pooled, int? dimensions, int? sequenceLength, int? batchSize)
    {
        OutputName = outputName;
        HasTokenTypeIds = hasTokenTypeIds;
        Pooled = pooled;
        Dimensions = dimensions;
        SequenceLength = sequenceLength;
        BatchSize = batchSize;
    }

    /// <summary>The output read.</summary>
    public string OutputName { get; }

    /// <summary>Whether the graph takes <c>token_type_ids</c> (feeding an input it lacks is an error in ONNX Runtime).</summary>
    public bool HasTokenTypeIds { get; }

    /// <summary>True for [batch, hidden], false for [batch, tokens, hidden]; null when the output's rank is not declared.</summary>
    public bool? Pooled { get; }

    /// <summary>The hidden size, when the output declares it as a number.</summary>
    public int? Dimensions { get; }

    /// <summary>A sequence length the graph fixes (every batch is padded to it), or null when it is free.</summary>
    public int? SequenceLength { get; }

    /// <summary>A batch size the graph fixes (batches are cut to it), or null when it is free.</summary>
    public int? BatchSize { get; }

    /// <exception cref="InvalidDataException">The model lacks the inputs or the output, or they have other types.</exception>
    public static SentenceModelSignature Read(OnnxSession session, string? outputName, string modelPath)
    {
        var inputs = session.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var unexpected = inputs.Keys.Where(n => n is not (InputIds or AttentionMask or TokenTypeIds)).ToArray();
        if (!inputs.TryGetValue(InputIds, out OnnxValueInfo? idsInput) || !inputs.ContainsKey(AttentionMask) || unexpected.Length > 0)
        {
            throw Mismatch(session, modelPath, $"it must take {InputIds} and {AttentionMask} (and optionally {TokenTypeIds}), nothing else");
        }

        foreach (var input in session.Inputs)
        {
            if (input.Kind != OnnxValueKind.Tensor || input.ElementType != OnnxElementType.Int64 || input.Shape.Length is not (0 or 2))
            {
                throw Mismatch(session, modelPath, $"input '{input.Name}' must be an int64 tensor [batch, tokens]");
            }
        }

        string chosen = outputName ?? (session.Outputs.Any(o => o.Name == SentenceEmbedding) ? SentenceEmbedding : LastHiddenState);
        var output = session.Outputs.FirstOrDefault(o => o.Name == chosen)
            ?? throw Mismatch(session, modelPath, outputName is null
                ? $"it has neither {SentenceEmbedding} nor {LastHiddenState}; set OutputName to the output to read"
                : $"it has no output '{outputName}'");
        if (output.Kind != OnnxValueKind.Tensor || output.ElementType != OnnxElementType.Float || output.Shape.Length is not (0 or 2 or 3))
        {
            throw Mismatch(session, modelPath, $"output '{chosen}' must be a float tensor [batch, hidden] or [batch, tokens, hidden]");
        }

        long[] ids = idsInput.Shape;
        return new SentenceModelSignature(
            chosen,
            inputs.ContainsKey(TokenTypeIds),
            output.Shape.Length == 0 ? null : output.Shape.Length == 2,
            output.Shape.Length > 0 && output.Shape[^1] > 0 ? checked((int)output.Shape[^1]) : null,
            ids.Length == 2 && ids[1] > 0 ? checked((int)ids[1]) : null,
            ids.Length == 2 && ids[0] > 0 ? checked((int)ids[0]) : null);
    }

    private static InvalidDataException Mismatch(OnnxSession session, string modelPath, string rule) =>
        new($"The model '{modelPath}' is not a BERT-style sentence encoder this embedder can run: {rule}. " +
            $"It has inputs {Describe(session.Inputs)} and outputs {Describe(session.Outputs)}.");

    private static string Describe(IReadOnlyList<OnnxValueInfo> values) =>
        values.Count == 0 ? "(none)" : string.Join(", ", values.Select(v =>
            v.Kind == OnnxValueKind.Tensor
                ? $"{v.Name} {v.ElementType}[{string.Join(", ", v.Shape.Select((d, i) => d > 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : v.SymbolicDims.ElementAtOrDefault(i) is { Length: > 0 } s ? s : "?"))}]"
                : $"{v.Name} ({v.Kind})"));
}
