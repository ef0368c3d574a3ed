using System.Text.Json.Nodes;
using HybridAI.Generators.Tokenization;
using static HybridAI.Generators.Tests.Tokenization.TinyTokenizer;

namespace HybridAI.Generators.Tests.Tokenization;

public class ByteLevelBpeTokenizerTests
{
    [Fact]
    public void Merges_by_rank_and_keeps_unmerged_bytes()
    {
        using var dir = new TempDirectory();
        var tokenizer = ByteLevelBpeTokenizer.FromFile(Write(dir.Path));

        Assert.Equal([Hello, SpaceWorld], tokenizer.Encode("hello world"));
        Assert.Equal([Hello, Hello], tokenizer.Encode("hellohello"));
        Assert.Equal([Hell, 'y', SpaceW, 'o', 'w'], tokenizer.Encode("helly wow"));
        Assert.Equal([240, 159, 152, 128], tokenizer.Encode("😀"));
        Assert.Equal(2, tokenizer.CountTokens("hello world"));
        Assert.Equal("hello world 😀", tokenizer.Decode(tokenizer.Encode("hello world 😀")));
    }

    [Fact]
    public void The_test_vocabulary_uses_gpt2s_byte_alphabet()
    {
        for (int b = 0; b < 256; b++)
        {
            Assert.Equal(ByteLevelAlphabet.CharOf((byte)b), ByteChar(b));
        }
    }

    [Fact]
    public void Reads_merges_written_as_pairs_too()
    {
        using var dir = new TempDirectory();
        var tokenizer = ByteLevelBpeTokenizer.FromFile(Write(dir.Path, arrayMerges: true));

        Assert.Equal([Hello, SpaceWorld], tokenizer.Encode("hello world"));
    }

    [Fact]
    public void Added_tokens_are_matched_before_splitting_and_special_ones_only_when_asked()
    {
        using var dir = new TempDirectory();
        var tokenizer = ByteLevelBpeTokenizer.FromFile(Write(dir.Path));

        Assert.Equal([ImStart, 'u', 's', 'e', 'r', '\n', 'h', 'i', ImEnd], tokenizer.Encode("<|im_start|>user\nhi<|im_end|>"));
        int[] plain = tokenizer.Encode("<|im_end|>[[name]]", parseSpecialTokens: false);
        Assert.Equal([.. "<|im_end|>".Select(c => (int)c), Name], plain);
        Assert.True(tokenizer.IsSpecial(ImEnd));
        Assert.False(tokenizer.IsSpecial(Name));
        Assert.Equal("hi", tokenizer.Decode([ImStart, 'h', 'i', ImEnd], skipSpecialTokens: true));
        Assert.Equal("<|im_start|>hi", tokenizer.Decode([ImStart, 'h', 'i']));
        Assert.Equal(ImEnd, tokenizer.TokenToId("<|im_end|>"));
        Assert.Equal(SpaceWorld, tokenizer.TokenToId("Ġworld"));
        Assert.Null(tokenizer.TokenToId("nope"));
    }

    [Fact]
    public void Applies_the_configured_normalizer_and_split()
    {
        using var dir = new TempDirectory();
        var plain = ByteLevelBpeTokenizer.FromFile(Write(dir.Path));
        Assert.Equal(['e', 0xCC, 0x81], plain.Encode("e\u0301"));

        var nfc = ByteLevelBpeTokenizer.FromFile(Write(dir.Path, root => root["normalizer"] = new JsonObject { ["type"] = "NFC" }));
        Assert.Equal([0xC3, 0xA9], nfc.Encode("e\u0301"));

        // Llama-3 style: a Split regex that keeps digits in threes, then ByteLevel without its own regex.
        var split = ByteLevelBpeTokenizer.FromFile(Write(dir.Path, root => root["pre_tokenizer"] = new JsonObject
        {
            ["type"] = "Sequence",
            ["pretokenizers"] = new JsonArray(
                new JsonObject { ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = @"\p{N}{1,3}|\p{L}+|\s+|[^\s\p{L}\p{N}]+" }, ["behavior"] = "Isolated", ["invert"] = false },
                new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["use_regex"] = false }),
        }));
        Assert.Equal([Hello, ' ', 'w', Or, Ld], split.Encode("hello world"));

        // SmolLM style: digits one by one, then GPT-2's split.
        var digits = ByteLevelBpeTokenizer.FromFile(Write(dir.Path, root => root["pre_tokenizer"] = new JsonObject
        {
            ["type"] = "Sequence",
            ["pretokenizers"] = new JsonArray(
                new JsonObject { ["type"] = "Digits", ["individual_digits"] = true },
                new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["use_regex"] = true }),
        }));
        Assert.Equal(['1', '2', '3', SpaceW, 'o', 'w'], digits.Encode("123 wow"));

        var prefixed = ByteLevelBpeTokenizer.FromFile(Write(dir.Path, root => root["pre_tokenizer"]!["add_prefix_space"] = true));
        Assert.Equal([SpaceWorld], prefixed.Encode("world"));
    }

    [Fact]
    public void The_stream_decoder_holds_a_character_cut_between_tokens()
    {
        using var dir = new TempDirectory();
        var tokenizer = ByteLevelBpeTokenizer.FromFile(Write(dir.Path));
        TokenStreamDecoder decoder = tokenizer.CreateStreamDecoder();

        string[] pieces = [.. tokenizer.Encode("a😀").Select(decoder.Append)];

        Assert.Equal(["a", "", "", "", "😀"], pieces);
        Assert.Equal("", decoder.Append(ImEnd)); // special tokens are not text
        Assert.Equal("", decoder.Append(0xF0));
        Assert.Equal("\uFFFD", decoder.Flush());
    }

    [TiktokenFact]
    public void Matches_js_tiktoken_on_gpt2_rebuilt_as_a_tokenizer_json()
    {
        var tokenizer = ByteLevelBpeTokenizer.FromFile(Gpt2TokenizerJson.Path);
        int compared = 0;
        var failures = new List<string>();
        foreach (TiktokenCases.Case c in TiktokenCases.All.Where(c => !ReadsDifferentlyInDotNetRegex(c.Text)))
        {
            compared++;
            int[] expected = c.Ids["gpt2"];
            int[] actual = tokenizer.Encode(c.Text, parseSpecialTokens: false);
            if (!actual.SequenceEqual(expected) || tokenizer.Decode(actual) != c.Text)
            {
                failures.Add($"case {compared}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(compared > 180, $"only {compared} cases compared");
    }

    [Fact]
    public void Refuses_what_it_would_get_wrong_with_a_message_naming_it()
    {
        using var dir = new TempDirectory();
        Assert.Throws<FileNotFoundException>(() => ByteLevelBpeTokenizer.FromFile(dir.File("tokenizer.json")));

        File.WriteAllText(dir.File("tokenizer.json"), "{ not json");
        Assert.Throws<InvalidDataException>(() => ByteLevelBpeTokenizer.FromFile(dir.File("tokenizer.json")));

        var wordPiece = Assert.Throws<NotSupportedException>(() => ByteLevelBpeTokenizer.FromFile(Write(dir.Path, root => root["model"]!["type"] = "WordPiece")));
        Assert.Contains("WordPiece", wordPiece.Message, StringComparison.Ordinal);

        var fallback = Assert.Throws<NotSupportedException>(() => ByteLevelBpeTokenizer.FromFile(Write(dir.Path, root => root["model"]!["byte_fallback"] = true)));
        Assert.Contains("byte_fallback", fallback.Message, StringComparison.Ordinal);

        var metaspace = Assert.Throws<NotSupportedException>(() => ByteLevelBpeTokenizer.FromFile(Write(dir.Path, root => root["decoder"] = new JsonObject { ["type"] = "Metaspace" })));
        Assert.Contains("ByteLevel", metaspace.Message, StringComparison.Ordinal);

        var badMerge = Assert.Throws<InvalidDataException>(() => ByteLevelBpeTokenizer.FromFile(Write(dir.Path, root => root["model"]!["merges"]!.AsArray().Add("x yz"))));
        Assert.Contains("merge 9", badMerge.Message, StringComparison.Ordinal);
    }

    // .NET's regex reads UTF-16 units, so a letter or digit outside the BMP is not \p{L}/\p{N} to it, and its \s
    // includes U+0085 but not U+FEFF; the GPT-2 pattern then cuts such texts differently from JavaScript's u-mode regex.
    private static bool ReadsDifferentlyInDotNetRegex(string text)
    {
        if (text.Contains('\uFEFF', StringComparison.Ordinal) || text.Contains('\u0085', StringComparison.Ordinal))
        {
            return true;
        }

        foreach (System.Text.Rune rune in text.EnumerateRunes())
        {
            if (rune.Value > 0xFFFF && (System.Text.Rune.IsLetter(rune) || System.Text.Rune.IsNumber(rune)))
            {
                return true;
            }
        }

        return false;
    }
}
