using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;
using HybridAI.Retrieval.Embeddings;

namespace HybridAI.Retrieval.Tests.Embeddings;

/// <summary>
/// A BERT-shaped ONNX graph small enough to check by hand, built in the test with <see cref="OnnxModelBuilder"/>:
/// word + token-type + position embeddings (positions from Shape/Range/Gather), a Tanh(MatMul + bias) layer, a
/// masked-mean context vector added to every token (so that, as in real attention, a wrong mask or padding that
/// leaks would change every token), then LayerNormalization → <c>last_hidden_state</c> [batch, tokens, hidden].
/// <see cref="Expected"/> computes the same thing in plain C# from the same weights.
/// </summary>
internal sealed class TinyBert
{
    public const int Hidden = 8;
    public const int Positions = 32;
    private const float Epsilon = 1e-5f;

    /// <summary>The vocabulary the tokenizer tests and the model share; line i is id i.</summary>
    public static readonly string[] Vocabulary =
    [
        "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "on", "mat", "un", "##aff", "##able",
        "hello", "world", ",", "!", ".", "'", "play", "##ing", "##s", "cafe", "café", "中", "国", "don", "t", "-",
        "a", "##a", "b", "Hello", "$", "5", "dog", "runs", "fast", "slow", "##ly",
    ];

    private readonly float[] _word;
    private readonly float[] _type;
    private readonly float[] _position;
    private readonly float[] _weight;
    private readonly float[] _bias;
    private readonly float[] _gamma;
    private readonly float[] _beta;

    public TinyBert(int seed = 7)
    {
        var random = new Random(seed);
        float[] Values(int count, float scale, float offset = 0) => [.. Enumerable.Range(0, count).Select(_ => offset + (scale * ((float)random.NextDouble() - 0.5f)))];
        _word = Values(Vocabulary.Length * Hidden, 2f);
        _type = Values(2 * Hidden, 0.5f);
        _position = Values(Positions * Hidden, 0.5f);
        _weight = Values(Hidden * Hidden, 1.5f);
        _bias = Values(Hidden, 0.2f);
        _gamma = Values(Hidden, 0.5f, 1f);
        _beta = Values(Hidden, 0.2f);
    }

    public static int IdOf(string token) => Array.IndexOf(Vocabulary, token);

    /// <summary>The model's bytes.</summary>
    /// <param name="tokenTypes">Whether the graph takes token_type_ids.</param>
    /// <param name="pooledOutput">Also output sentence_embedding [batch, hidden], the masked mean of the token vectors (not normalised).</param>
    /// <param name="symbolicHidden">Declare the hidden size as a name, not a number.</param>
    /// <param name="outputName">The name of the per-token output.</param>
    /// <param name="fixedSequence">Declare the inputs as [batch, this many tokens].</param>
    public byte[] Build(bool tokenTypes = true, bool pooledOutput = false, bool symbolicHidden = false, string outputName = SentenceModelSignature.LastHiddenState, int? fixedSequence = null)
    {
        object sequence = fixedSequence is int fixedLength ? fixedLength : "sequence";
        var b = new OnnxModelBuilder("tiny_bert").ImportOpset("", 17)
            .Input("input_ids", TypeProto.Tensor(OnnxElementType.Int64, "batch", sequence))
            .Input("attention_mask", TypeProto.Tensor(OnnxElementType.Int64, "batch", sequence));
        if (tokenTypes)
        {
            b.Input("token_type_ids", TypeProto.Tensor(OnnxElementType.Int64, "batch", sequence));
        }

        b.Initializer(OnnxTensorData.FromValues<float>("word_embeddings", [Vocabulary.Length, Hidden], _word))
            .Initializer(OnnxTensorData.FromValues<float>("token_type_embeddings", [2, Hidden], _type))
            .Initializer(OnnxTensorData.FromValues<float>("position_embeddings", [Positions, Hidden], _position))
            .Initializer(OnnxTensorData.FromValues<float>("dense_weight", [Hidden, Hidden], _weight))
            .Initializer(OnnxTensorData.FromValues<float>("dense_bias", [Hidden], _bias))
            .Initializer(OnnxTensorData.FromValues<float>("ln_gamma", [Hidden], _gamma))
            .Initializer(OnnxTensorData.FromValues<float>("ln_beta", [Hidden], _beta))
            .Initializer(OnnxTensorData.FromValues<long>("zero", [], [0L]))
            .Initializer(OnnxTensorData.FromValues<long>("one", [], [1L]))
            .Initializer(OnnxTensorData.FromValues<long>("axis_tokens", [1], [1L]))
            .Initializer(OnnxTensorData.FromValues<long>("axis_last", [1], [2L]))
            .Node("Gather", ["word_embeddings", "input_ids"], ["words"])
            .Node("Shape", ["input_ids"], ["ids_shape"])
            .Node("Gather", ["ids_shape", "one"], ["length"])
            .Node("Range", ["zero", "length", "one"], ["position_ids"])
            .Node("Gather", ["position_embeddings", "position_ids"], ["positions"])
            .Node("Add", ["words", "positions"], ["embedded_wp"]);
        if (tokenTypes)
        {
            b.Node("Gather", ["token_type_embeddings", "token_type_ids"], ["types"])
                .Node("Add", ["embedded_wp", "types"], ["embedded"]);
        }
        else
        {
            // Without the input a BERT graph still adds the type-0 embedding; so does this one, so both variants agree.
            b.Node("Gather", ["token_type_embeddings", "zero"], ["type0"])
                .Node("Add", ["embedded_wp", "type0"], ["embedded"]);
        }

        b.Node("MatMul", ["embedded", "dense_weight"], ["projected"])
            .Node("Add", ["projected", "dense_bias"], ["biased"])
            .Node("Tanh", ["biased"], ["hidden"])
            .Node("Cast", ["attention_mask"], ["mask_float"], attributes: AttributeProto.FromInt("to", (long)OnnxElementType.Float))
            .Node("Unsqueeze", ["mask_float", "axis_last"], ["mask3"])
            .Node("Mul", ["hidden", "mask3"], ["masked"])
            .Node("ReduceSum", ["masked", "axis_tokens"], ["masked_sum"])
            .Node("ReduceSum", ["mask3", "axis_tokens"], ["mask_count"])
            .Node("Div", ["masked_sum", "mask_count"], ["context"])
            .Node("Add", ["hidden", "context"], ["contextual"])
            .Node("LayerNormalization", ["contextual", "ln_gamma", "ln_beta"], [outputName], attributes: [AttributeProto.FromInt("axis", -1), AttributeProto.FromFloat("epsilon", Epsilon)])
            .Output(outputName, TypeProto.Tensor(OnnxElementType.Float, "batch", sequence, symbolicHidden ? "hidden" : Hidden));
        if (pooledOutput)
        {
            b.Node("Mul", [outputName, "mask3"], ["out_masked"])
                .Node("ReduceSum", ["out_masked", "axis_tokens"], ["out_sum"], attributes: AttributeProto.FromInt("keepdims", 0))
                .Node("ReduceSum", ["mask3", "axis_tokens"], ["out_count"], attributes: AttributeProto.FromInt("keepdims", 0))
                .Node("Div", ["out_sum", "out_count"], [SentenceModelSignature.SentenceEmbedding])
                .Output(SentenceModelSignature.SentenceEmbedding, TypeProto.Tensor(OnnxElementType.Float, "batch", Hidden));
        }

        return b.Build().ToByteArray();
    }

    /// <summary>Writes model.onnx and vocab.txt into <paramref name="directory"/>; returns the model's path.</summary>
    public string Write(TempDirectory directory, byte[]? model = null, string name = "model.onnx")
    {
        string path = directory.File(name);
        File.WriteAllBytes(path, model ?? Build());
        File.WriteAllLines(directory.File("vocab.txt"), Vocabulary);
        return path;
    }

    /// <summary>The pooled vector of one unpadded sequence of ids ([CLS] … [SEP]), computed here without ONNX.</summary>
    public float[] Expected(IReadOnlyList<int> ids, SentencePooling pooling = SentencePooling.Mean, bool normalize = true)
    {
        int tokens = ids.Count;
        var hidden = new double[tokens, Hidden];
        for (int t = 0; t < tokens; t++)
        {
            var embedded = new double[Hidden];
            for (int i = 0; i < Hidden; i++)
            {
                embedded[i] = _word[(ids[t] * Hidden) + i] + _type[i] + _position[(t * Hidden) + i];
            }

            for (int j = 0; j < Hidden; j++)
            {
                double sum = _bias[j];
                for (int i = 0; i < Hidden; i++)
                {
                    sum += embedded[i] * _weight[(i * Hidden) + j];
                }

                hidden[t, j] = Math.Tanh(sum);
            }
        }

        var context = new double[Hidden];
        for (int j = 0; j < Hidden; j++)
        {
            for (int t = 0; t < tokens; t++)
            {
                context[j] += hidden[t, j] / tokens;
            }
        }

        var output = new double[tokens, Hidden];
        for (int t = 0; t < tokens; t++)
        {
            double[] z = [.. Enumerable.Range(0, Hidden).Select(j => hidden[t, j] + context[j])];
            double mean = z.Average();
            double variance = z.Select(v => (v - mean) * (v - mean)).Average();
            for (int j = 0; j < Hidden; j++)
            {
                output[t, j] = ((z[j] - mean) / Math.Sqrt(variance + Epsilon) * _gamma[j]) + _beta[j];
            }
        }

        var pooled = new double[Hidden];
        for (int j = 0; j < Hidden; j++)
        {
            pooled[j] = pooling == SentencePooling.Cls ? output[0, j] : Enumerable.Range(0, tokens).Average(t => output[t, j]);
        }

        double norm = normalize ? Math.Sqrt(pooled.Sum(v => v * v)) : 1;
        return [.. pooled.Select(v => (float)(v / norm))];
    }
}
