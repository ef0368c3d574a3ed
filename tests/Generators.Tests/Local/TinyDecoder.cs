using System.Text.Json.Nodes;
using HybridAI.Generators.Tests.Tokenization;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Generators.Tests.Local;

/// <summary>
/// A decoder-only LM in the Hugging Face Optimum layout, small enough to build in the test with
/// <see cref="OnnxModelBuilder"/>: token + position embeddings, <see cref="Layers"/> single-head causal attention
/// layers whose keys/values are <c>Concat(past_key_values.i.*, new)</c> along the sequence axis (also output as
/// <c>present.i.*</c>), masked by position (causal) and <c>attention_mask</c>, a tanh projection added back, then
/// logits over <see cref="TinyTokenizer"/>'s 269 tokens. Random weights; a logit bias favours lower-case letters and
/// the merged words so that replies are readable, and keeps the chat markers unlikely (unless <c>favourEnd</c>).
/// </summary>
internal sealed class TinyDecoder
{
    public const int Hidden = 16;
    public const int Layers = 2;
    public const int Positions = 256;
    public const int Vocabulary = TinyTokenizer.Size;

    private readonly Random _random;

    public TinyDecoder(int seed = 11) => _random = new Random(seed);

    /// <summary>The graph's bytes.</summary>
    /// <param name="withCache">Declare past_key_values inputs and present outputs.</param>
    /// <param name="inputIdsName">The name of the token input (anything but input_ids makes a graph the client must refuse).</param>
    /// <param name="favourEnd">Bias the logits to &lt;|endoftext|&gt;, so the reply ends at once.</param>
    public byte[] Build(bool withCache = true, string inputIdsName = "input_ids", bool favourEnd = false)
    {
        var b = new OnnxModelBuilder("tiny_decoder").ImportOpset("", 17)
            .Input(inputIdsName, TypeProto.Tensor(OnnxElementType.Int64, "batch", "sequence"))
            .Input("attention_mask", TypeProto.Tensor(OnnxElementType.Int64, "batch", "total"))
            .Input("position_ids", TypeProto.Tensor(OnnxElementType.Int64, "batch", "sequence"));
        if (withCache)
        {
            for (int i = 0; i < Layers; i++)
            {
                b.Input($"past_key_values.{i}.key", TypeProto.Tensor(OnnxElementType.Float, "batch", 1, "past", Hidden))
                    .Input($"past_key_values.{i}.value", TypeProto.Tensor(OnnxElementType.Float, "batch", 1, "past", Hidden));
            }
        }

        float[] bias = new float[Vocabulary];
        for (int id = 0; id < Vocabulary; id++)
        {
            bias[id] = id is (>= 'a' and <= 'z') or ' ' || (id >= TinyTokenizer.He && id <= TinyTokenizer.SpaceWorld) ? 2f
                : id >= TinyTokenizer.EndOfText ? -30f
                : -4f;
        }

        if (favourEnd)
        {
            bias[TinyTokenizer.EndOfText] = 50f;
        }

        b.Initializer(Weights("wte", 1f, Vocabulary, Hidden))
            .Initializer(Weights("wpe", 1f, Positions, Hidden))
            .Initializer(Weights("lm_head", 1.5f, Hidden, Vocabulary))
            .Initializer(OnnxTensorData.FromValues<float>("lm_bias", [Vocabulary], bias))
            .Initializer(OnnxTensorData.FromValues<float>("scale", [], [1f / MathF.Sqrt(Hidden)]))
            .Initializer(OnnxTensorData.FromValues<float>("masked", [], [-1e9f]))
            .Initializer(OnnxTensorData.FromValues<long>("zero", [], [0L]))
            .Initializer(OnnxTensorData.FromValues<long>("one", [], [1L]))
            .Initializer(OnnxTensorData.FromValues<long>("axis1", [1], [1L]))
            .Initializer(OnnxTensorData.FromValues<long>("axes13", [2], [1L, 3L]))
            .Initializer(OnnxTensorData.FromValues<long>("axes12", [2], [1L, 2L]))
            .Node("Gather", ["wte", inputIdsName], ["tokens"])
            .Node("Gather", ["wpe", "position_ids"], ["positions"])
            .Node("Add", ["tokens", "positions"], ["h0"])
            // Key j is visible to query i when j <= position(i) and attention_mask[j] is 1.
            .Node("Shape", ["attention_mask"], ["mask_shape"])
            .Node("Gather", ["mask_shape", "one"], ["total"])
            .Node("Range", ["zero", "total", "one"], ["key_positions"])
            .Node("Unsqueeze", ["position_ids", "axes13"], ["query_positions"])
            .Node("LessOrEqual", ["key_positions", "query_positions"], ["causal"])
            .Node("Cast", ["attention_mask"], ["mask_bool"], attributes: AttributeProto.FromInt("to", (long)OnnxElementType.Bool))
            .Node("Unsqueeze", ["mask_bool", "axes12"], ["padding"])
            .Node("And", ["causal", "padding"], ["allowed"]);

        string h = "h0";
        for (int i = 0; i < Layers; i++)
        {
            string p = $"l{i}_";
            b.Initializer(Weights(p + "wq", 1f, Hidden, Hidden))
                .Initializer(Weights(p + "wk", 1f, Hidden, Hidden))
                .Initializer(Weights(p + "wv", 1f, Hidden, Hidden))
                .Initializer(Weights(p + "wo", 1f, Hidden, Hidden))
                .Node("MatMul", [h, p + "wq"], [p + "q3"]).Node("Unsqueeze", [p + "q3", "axis1"], [p + "q"])
                .Node("MatMul", [h, p + "wk"], [p + "k3"]).Node("Unsqueeze", [p + "k3", "axis1"], [p + "k"])
                .Node("MatMul", [h, p + "wv"], [p + "v3"]).Node("Unsqueeze", [p + "v3", "axis1"], [p + "v"]);
            string keys = p + "k", values = p + "v";
            if (withCache)
            {
                keys = $"present.{i}.key";
                values = $"present.{i}.value";
                b.Node("Concat", [$"past_key_values.{i}.key", p + "k"], [keys], attributes: AttributeProto.FromInt("axis", 2))
                    .Node("Concat", [$"past_key_values.{i}.value", p + "v"], [values], attributes: AttributeProto.FromInt("axis", 2));
            }

            b.Node("Transpose", [keys], [p + "kt"], attributes: AttributeProto.FromInts("perm", 0, 1, 3, 2))
                .Node("MatMul", [p + "q", p + "kt"], [p + "raw"])
                .Node("Mul", [p + "raw", "scale"], [p + "scores"])
                .Node("Where", ["allowed", p + "scores", "masked"], [p + "masked"])
                .Node("Softmax", [p + "masked"], [p + "probs"], attributes: AttributeProto.FromInt("axis", -1))
                .Node("MatMul", [p + "probs", values], [p + "ctx4"])
                .Node("Squeeze", [p + "ctx4", "axis1"], [p + "ctx"])
                .Node("MatMul", [p + "ctx", p + "wo"], [p + "proj"])
                .Node("Tanh", [p + "proj"], [p + "act"])
                .Node("Add", [h, p + "act"], [p + "out"]);
            h = p + "out";
        }

        b.Node("MatMul", [h, "lm_head"], ["raw_logits"])
            .Node("Add", ["raw_logits", "lm_bias"], ["logits"])
            .Output("logits", TypeProto.Tensor(OnnxElementType.Float, "batch", "sequence", Vocabulary));
        if (withCache)
        {
            for (int i = 0; i < Layers; i++)
            {
                b.Output($"present.{i}.key", TypeProto.Tensor(OnnxElementType.Float, "batch", 1, "total", Hidden))
                    .Output($"present.{i}.value", TypeProto.Tensor(OnnxElementType.Float, "batch", 1, "total", Hidden));
            }
        }

        return b.Build().ToByteArray();
    }

    /// <summary>
    /// Writes a model folder: model.onnx, tokenizer.json, tokenizer_config.json (a ChatML template, eos &lt;|im_end|&gt;),
    /// generation_config.json (eos &lt;|endoftext|&gt;) and config.json (context of <see cref="Positions"/>).
    /// </summary>
    public static string WriteFolder(string directory, byte[] model)
    {
        File.WriteAllBytes(Path.Combine(directory, "model.onnx"), model);
        TinyTokenizer.Write(directory);
        File.WriteAllText(Path.Combine(directory, "tokenizer_config.json"), new JsonObject
        {
            ["chat_template"] = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}",
            ["eos_token"] = "<|im_end|>",
        }.ToJsonString());
        File.WriteAllText(Path.Combine(directory, "generation_config.json"), new JsonObject { ["eos_token_id"] = TinyTokenizer.EndOfText }.ToJsonString());
        File.WriteAllText(Path.Combine(directory, "config.json"), new JsonObject { ["max_position_embeddings"] = Positions, ["num_attention_heads"] = 1, ["hidden_size"] = Hidden }.ToJsonString());
        return directory;
    }

    private TensorProto Weights(string name, float scale, int rows, int columns)
    {
        float[] values = new float[rows * columns];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = scale * ((float)_random.NextDouble() - 0.5f) * 2f;
        }

        return OnnxTensorData.FromValues<float>(name, [rows, columns], values);
    }
}
