using HybridAI.Native.OnnxRuntime;

namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>
/// What a decoder graph takes and gives, in the Hugging Face Optimum layout: <c>input_ids</c>, optional
/// <c>attention_mask</c>, <c>position_ids</c> and <c>use_cache_branch</c>, pairs <c>past_key_values.{i}.key/value</c>
/// [batch, kv_heads, past, head_dim]; <c>logits</c> [batch, tokens, vocab] and <c>present.{i}.key/value</c>.
/// Anything else is refused with the names the model has.
/// </summary>
internal sealed record DecoderSignature(
    OnnxElementType IdType,
    bool HasAttentionMask,
    bool HasPositionIds,
    bool HasCacheBranch,
    int Layers,
    OnnxElementType CacheType,
    int KvHeads,
    int HeadDim,
    OnnxElementType LogitsType,
    int? Vocabulary)
{
    public const string InputIds = "input_ids";
    public const string AttentionMask = "attention_mask";
    public const string PositionIds = "position_ids";
    public const string UseCacheBranch = "use_cache_branch";
    public const string Logits = "logits";

    public static string PastKey(int layer) => $"past_key_values.{layer}.key";

    public static string PastValue(int layer) => $"past_key_values.{layer}.value";

    public static string PresentKey(int layer) => $"present.{layer}.key";

    public static string PresentValue(int layer) => $"present.{layer}.value";

    public static DecoderSignature Read(OnnxSession session, ModelFolder folder)
    {
        string path = folder.ModelPath;
        var inputs = session.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var outputs = session.Outputs.ToDictionary(o => o.Name, StringComparer.Ordinal);
        string has = $"it has inputs {string.Join(", ", inputs.Keys)} and outputs {string.Join(", ", outputs.Keys)}";
        const string Expected = "a decoder-only LM in the Optimum layout takes input_ids [, attention_mask, position_ids, past_key_values.N.key/value] and gives logits [, present.N.key/value]";

        if (!inputs.TryGetValue(InputIds, out OnnxValueInfo? ids) || ids.ElementType is not (OnnxElementType.Int64 or OnnxElementType.Int32))
        {
            throw new InvalidDataException($"The model '{path}' has no int64/int32 '{InputIds}' input; {has}; {Expected}.");
        }

        if (!outputs.TryGetValue(Logits, out OnnxValueInfo? logits) || logits.ElementType is not (OnnxElementType.Float or OnnxElementType.Float16))
        {
            throw new InvalidDataException($"The model '{path}' has no float '{Logits}' output; {has}; {Expected}.");
        }

        int layers = 0;
        while (inputs.ContainsKey(PastKey(layers)) || inputs.ContainsKey(PastValue(layers)))
        {
            layers++;
        }

        var known = new HashSet<string>([InputIds, AttentionMask, PositionIds, UseCacheBranch], StringComparer.Ordinal);
        for (int i = 0; i < layers; i++)
        {
            known.Add(PastKey(i));
            known.Add(PastValue(i));
        }

        if (inputs.Keys.FirstOrDefault(name => !known.Contains(name)) is { } unknown)
        {
            throw new InvalidDataException($"The model '{path}' has an input '{unknown}' this client does not know how to fill; {has}; {Expected}.");
        }

        OnnxElementType cacheType = OnnxElementType.Float;
        int heads = 0, headDim = 0;
        for (int i = 0; i < layers; i++)
        {
            foreach (string name in (string[])[PastKey(i), PastValue(i)])
            {
                if (!inputs.TryGetValue(name, out OnnxValueInfo? past) || past.Shape.Length != 4 || past.ElementType is not (OnnxElementType.Float or OnnxElementType.Float16))
                {
                    throw new InvalidDataException($"The model '{path}' lacks a float tensor input '{name}' of rank 4 [batch, kv_heads, past, head_dim]; {has}.");
                }

                string present = name.Replace("past_key_values.", "present.", StringComparison.Ordinal);
                if (!outputs.ContainsKey(present))
                {
                    throw new InvalidDataException($"The model '{path}' takes '{name}' but gives no '{present}'; {has}.");
                }

                cacheType = past.ElementType;
                (heads, headDim) = (Dim(past.Shape[1], heads), Dim(past.Shape[3], headDim));
            }
        }

        if (layers > 0)
        {
            int? configHeads = folder.ConfigInt("num_key_value_heads") ?? folder.ConfigInt("num_attention_heads");
            int? configDim = folder.ConfigInt("head_dim") ?? (folder.ConfigInt("hidden_size") is int hidden && folder.ConfigInt("num_attention_heads") is int all && all > 0 ? hidden / all : null);
            heads = heads > 0 ? heads : configHeads ?? 0;
            headDim = headDim > 0 ? headDim : configDim ?? 0;
            if (heads <= 0 || headDim <= 0)
            {
                throw new InvalidDataException(
                    $"The model '{path}' leaves the key/value heads or head size of its past_key_values symbolic and config.json does not give them (num_key_value_heads, head_dim or hidden_size/num_attention_heads).");
            }
        }

        int? vocabulary = logits.Shape.Length >= 1 && logits.Shape[^1] > 0 ? checked((int)logits.Shape[^1]) : null;
        return new DecoderSignature(ids.ElementType, inputs.ContainsKey(AttentionMask), inputs.ContainsKey(PositionIds), inputs.ContainsKey(UseCacheBranch),
            layers, cacheType, heads, headDim, logits.ElementType, vocabulary);
    }

    private static int Dim(long declared, int current) => declared > 0 ? checked((int)declared) : current;
}
