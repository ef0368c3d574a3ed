using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Benchmarks;

/// <summary>
/// A BERT-shaped ONNX graph with random weights, for measuring the sentence-embedder plumbing (tokenizer, batching,
/// ONNX Runtime calls, pooling) without a downloaded model: word + position embeddings, one Tanh(MatMul + bias)
/// layer → <c>last_hidden_state</c> [batch, tokens, 32]. Its vectors mean nothing; its speed is a floor, far above a
/// real model's.
/// </summary>
internal static class TinySentenceModel
{
    public const int Hidden = 32;
    public const int Positions = 128;

    /// <summary>Writes model.onnx and a vocab.txt of the specials plus the 4 000 commonest words of <paramref name="texts"/>; returns the model path.</summary>
    public static string Write(string folder, IEnumerable<string> texts)
    {
        string[] vocabulary =
        [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
            .. texts.SelectMany(t => t.ToLowerInvariant().Split([' ', '\n', ',', '.', '!', '?', ':', ';', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries))
                .GroupBy(w => w, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(4000).Select(g => g.Key),
        ];
        var random = new Random(3);
        float[] Values(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5))];
        byte[] model = new OnnxModelBuilder("tiny_random_bert").ImportOpset("", 17)
            .Input("input_ids", TypeProto.Tensor(OnnxElementType.Int64, "batch", "sequence"))
            .Input("attention_mask", TypeProto.Tensor(OnnxElementType.Int64, "batch", "sequence"))
            .Initializer(OnnxTensorData.FromValues<float>("word_embeddings", [vocabulary.Length, Hidden], Values(vocabulary.Length * Hidden)))
            .Initializer(OnnxTensorData.FromValues<float>("position_embeddings", [Positions, Hidden], Values(Positions * Hidden)))
            .Initializer(OnnxTensorData.FromValues<float>("dense_weight", [Hidden, Hidden], Values(Hidden * Hidden)))
            .Initializer(OnnxTensorData.FromValues<float>("dense_bias", [Hidden], Values(Hidden)))
            .Initializer(OnnxTensorData.FromValues<long>("zero", [], [0L]))
            .Initializer(OnnxTensorData.FromValues<long>("one", [], [1L]))
            .Node("Gather", ["word_embeddings", "input_ids"], ["words"])
            .Node("Shape", ["input_ids"], ["ids_shape"])
            .Node("Gather", ["ids_shape", "one"], ["length"])
            .Node("Range", ["zero", "length", "one"], ["position_ids"])
            .Node("Gather", ["position_embeddings", "position_ids"], ["positions"])
            .Node("Add", ["words", "positions"], ["embedded"])
            .Node("MatMul", ["embedded", "dense_weight"], ["projected"])
            .Node("Add", ["projected", "dense_bias"], ["biased"])
            .Node("Tanh", ["biased"], ["last_hidden_state"])
            .Output("last_hidden_state", TypeProto.Tensor(OnnxElementType.Float, "batch", "sequence", Hidden))
            .Build().ToByteArray();
        string path = Path.Combine(folder, "model.onnx");
        File.WriteAllBytes(path, model);
        File.WriteAllLines(Path.Combine(folder, "vocab.txt"), vocabulary);
        return path;
    }
}
