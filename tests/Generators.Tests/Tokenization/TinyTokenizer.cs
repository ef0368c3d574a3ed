using System.Text.Json;
using System.Text.Json.Nodes;

namespace HybridAI.Generators.Tests.Tokenization;

/// <summary>
/// A tiny byte-level BPE tokenizer.json: ids 0–255 are the bytes, then a few merges that build "hello" and " world",
/// then added tokens (ChatML markers and one non-special token). Small enough that expected ids can be worked out by hand.
/// </summary>
internal static class TinyTokenizer
{
    public const int He = 256, Ll = 257, Hell = 258, Hello = 259, SpaceW = 260, Or = 261, SpaceWor = 262, Ld = 263, SpaceWorld = 264;
    public const int EndOfText = 265, ImStart = 266, ImEnd = 267, Name = 268;
    public const int Size = 269;

    private static readonly (string Left, string Right)[] Merges =
        [("h", "e"), ("l", "l"), ("he", "ll"), ("hell", "o"), ("Ġ", "w"), ("o", "r"), ("Ġw", "or"), ("l", "d"), ("Ġwor", "ld")];

    /// <summary>The tokenizer.json text; <paramref name="edit"/> may change the document first.</summary>
    public static string Json(Action<JsonObject>? edit = null, bool arrayMerges = false)
    {
        var vocab = new JsonObject();
        for (int b = 0; b < 256; b++)
        {
            vocab[ByteChar(b).ToString()] = b;
        }

        var merges = new JsonArray();
        int id = 256;
        foreach ((string left, string right) in Merges)
        {
            vocab[left + right] = id++;
            merges.Add(arrayMerges ? new JsonArray(left, right) : (JsonNode)(left + " " + right));
        }

        var added = new JsonArray(
            Added(EndOfText, "<|endoftext|>", special: true),
            Added(ImStart, "<|im_start|>", special: true),
            Added(ImEnd, "<|im_end|>", special: true),
            Added(Name, "[[name]]", special: false));
        var root = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = added,
            ["normalizer"] = null,
            ["pre_tokenizer"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = true },
            ["post_processor"] = null,
            ["decoder"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = true, ["trim_offsets"] = true, ["use_regex"] = true },
            ["model"] = new JsonObject { ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["vocab"] = vocab, ["merges"] = merges },
        };
        edit?.Invoke(root);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes tokenizer.json into <paramref name="directory"/>; returns its path.</summary>
    public static string Write(string directory, Action<JsonObject>? edit = null, bool arrayMerges = false)
    {
        string path = Path.Combine(directory, "tokenizer.json");
        File.WriteAllText(path, Json(edit, arrayMerges));
        return path;
    }

    /// <summary>GPT-2's byte-level character for byte <paramref name="b"/>, written out here so the file stands alone (the bench links it).</summary>
    public static char ByteChar(int b)
    {
        static bool Printable(int x) => x is (>= '!' and <= '~') or (>= 0xA1 and <= 0xAC) or (>= 0xAE and <= 0xFF);
        if (Printable(b))
        {
            return (char)b;
        }

        int shifted = 256;
        for (int x = 0; x < b; x++)
        {
            if (!Printable(x))
            {
                shifted++;
            }
        }

        return (char)shifted;
    }

    private static JsonObject Added(int id, string content, bool special) => new()
    {
        ["id"] = id, ["content"] = content, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false, ["normalized"] = !special, ["special"] = special,
    };
}
