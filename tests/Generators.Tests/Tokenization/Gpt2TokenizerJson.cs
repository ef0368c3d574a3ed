using System.Text;
using System.Text.Json;
using HybridAI.Generators.Tokenization;

namespace HybridAI.Generators.Tests.Tokenization;

/// <summary>
/// GPT-2's tokenizer as a Hugging Face tokenizer.json, made from js-tiktoken's gpt2 ranks: the vocabulary is every
/// rank's bytes in the byte-level alphabet, and each token's merge is found by byte-pair merging its bytes with only
/// the lower ranks (which leaves exactly two parts). Written once per test run into the temp folder.
/// </summary>
internal static class Gpt2TokenizerJson
{
    private static readonly Lazy<string> Written = new(Write);

    public static string Path => Written.Value;

    private static string Write()
    {
        TiktokenRankFile file = TiktokenRankFile.Read(TiktokenData.PathOf("gpt2"));
        var lookup = file.Ranks.GetAlternateLookup<ReadOnlySpan<byte>>();
        var byRank = file.Ranks.OrderBy(p => p.Value).ToList();
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hybridai-gpt2-tokenizer-{Environment.ProcessId}.json");
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("added_tokens");
            foreach ((string content, int id) in file.SpecialTokens)
            {
                json.WriteStartObject();
                json.WriteNumber("id", id);
                json.WriteString("content", content);
                json.WriteBoolean("special", true);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNull("normalizer");
            json.WriteStartObject("pre_tokenizer");
            json.WriteString("type", "ByteLevel");
            json.WriteBoolean("add_prefix_space", false);
            json.WriteBoolean("use_regex", true);
            json.WriteEndObject();
            json.WriteStartObject("decoder");
            json.WriteString("type", "ByteLevel");
            json.WriteEndObject();
            json.WriteStartObject("model");
            json.WriteString("type", "BPE");
            json.WriteStartObject("vocab");
            foreach ((byte[] bytes, int rank) in byRank)
            {
                json.WriteNumber(Mapped(bytes), rank);
            }

            json.WriteEndObject();
            json.WriteStartArray("merges");
            foreach ((byte[] bytes, int rank) in byRank)
            {
                if (bytes.Length > 1)
                {
                    int split = SplitOf(bytes, rank, lookup);
                    json.WriteStringValue(Mapped(bytes[..split]) + " " + Mapped(bytes[split..]));
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return path;
    }

    // Where the last merge that makes the token cuts it: merge its bytes using only ranks below its own.
    private static int SplitOf(byte[] bytes, int limit, Dictionary<byte[], int>.AlternateLookup<ReadOnlySpan<byte>> lookup)
    {
        List<int> starts = [.. Enumerable.Range(0, bytes.Length + 1)];
        while (true)
        {
            int best = -1, bestRank = limit;
            for (int i = 0; i + 2 < starts.Count; i++)
            {
                if (lookup.TryGetValue(bytes.AsSpan(starts[i], starts[i + 2] - starts[i]), out int rank) && rank < bestRank)
                {
                    (best, bestRank) = (i, rank);
                }
            }

            if (best < 0)
            {
                break;
            }

            starts.RemoveAt(best + 1);
        }

        return starts.Count == 3 ? starts[1] : throw new InvalidDataException($"gpt2 rank {limit} is not the merge of two lower ranks.");
    }

    private static string Mapped(byte[] bytes)
    {
        var sb = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
        {
            sb.Append(ByteLevelAlphabet.CharOf(b));
        }

        return sb.ToString();
    }
}
