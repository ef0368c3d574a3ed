using System.Text;
using HybridAI.Generators.Tokenization;
using Microsoft.Extensions.AI;

namespace HybridAI.Generators.Tests.Tokenization;

public class TiktokenEncodingTests
{
    [TiktokenTheory]
    [InlineData(TiktokenEncoding.Cl100kBase)]
    [InlineData(TiktokenEncoding.O200kBase)]
    public void Encodes_every_case_to_the_ids_js_tiktoken_gives(string name)
    {
        TiktokenEncoding encoding = TiktokenEncoding.Get(name);
        var failures = new List<string>();
        foreach (TiktokenCases.Case c in TiktokenCases.All)
        {
            int[] expected = c.Ids[name];
            int[] actual = encoding.Encode(c.Text);
            if (!actual.SequenceEqual(expected))
            {
                failures.Add($"{Escape(c.Text)}: expected [{string.Join(",", expected)}], got [{string.Join(",", actual)}]");
            }
            else if (encoding.CountTokens(c.Text) != expected.Length || encoding.Decode(actual) != c.Text)
            {
                failures.Add($"{Escape(c.Text)}: count or round trip differs");
            }
        }

        Assert.True(TiktokenCases.All.Count > 350, "the case file is incomplete");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [TiktokenFact]
    public void Known_ids_of_a_greeting() // also published in OpenAI's tokenizer playground
    {
        Assert.Equal([9906, 11, 1917, 0], TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase).Encode("Hello, world!"));
        Assert.Equal([13225, 11, 2375, 0], TiktokenEncoding.Get(TiktokenEncoding.O200kBase).Encode("Hello, world!"));
    }

    [TiktokenTheory]
    [InlineData(TiktokenEncoding.Cl100kBase)]
    [InlineData(TiktokenEncoding.O200kBase)]
    public void Counts_chat_messages_by_the_published_overhead_rule(string name)
    {
        TiktokenCases.ChatCase chat = TiktokenCases.Chat;
        List<ChatMessage> messages = [.. chat.Messages.Select(m => new ChatMessage(new ChatRole(m["role"]), m["content"]) { AuthorName = m.GetValueOrDefault("name") })];

        int count = TiktokenEncoding.Get(name).CountChatTokens(messages);

        Assert.Equal(chat.Counts[name], count);
        Assert.Equal(name == TiktokenEncoding.Cl100kBase ? 129 : 124, count); // the figures in OpenAI's cookbook for this example
    }

    [TiktokenFact]
    public void Special_token_text_is_ordinary_unless_allowed()
    {
        TiktokenEncoding encoding = TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase);
        const string text = "end<|endoftext|>";

        Assert.DoesNotContain(100257, encoding.Encode(text));
        int[] allowed = encoding.Encode(text, allowSpecialTokens: true);
        Assert.Equal(100257, allowed[^1]);
        Assert.Equal(encoding.Encode("end").Length + 1, allowed.Length);
        Assert.Equal(text, encoding.Decode(allowed));
    }

    [TiktokenFact]
    public void A_lone_surrogate_encodes_as_the_replacement_character()
    {
        TiktokenEncoding encoding = TiktokenEncoding.Get(TiktokenEncoding.O200kBase);

        Assert.Equal(encoding.Encode("a\uFFFDb"), encoding.Encode("a\uD800b"));
    }

    [TiktokenFact]
    public void Decoding_an_unknown_id_names_it()
    {
        TiktokenEncoding encoding = TiktokenEncoding.Get(TiktokenEncoding.Cl100kBase);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => encoding.Decode([1, 999_999]));
        Assert.Contains("999999", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpt-4o", TiktokenEncoding.O200kBase)]
    [InlineData("gpt-4o-mini-2024-07-18", TiktokenEncoding.O200kBase)]
    [InlineData("o3-mini", TiktokenEncoding.O200kBase)]
    [InlineData("gpt-5-nano", TiktokenEncoding.O200kBase)]
    [InlineData("gpt-4.1", TiktokenEncoding.O200kBase)]
    [InlineData("gpt-4", TiktokenEncoding.Cl100kBase)]
    [InlineData("gpt-4-turbo", TiktokenEncoding.Cl100kBase)]
    [InlineData("gpt-3.5-turbo", TiktokenEncoding.Cl100kBase)]
    [InlineData("openai/gpt-35-turbo", TiktokenEncoding.Cl100kBase)]
    [InlineData("text-embedding-3-small", TiktokenEncoding.Cl100kBase)]
    [InlineData("llama3", null)]
    public void Maps_model_names_to_encodings(string model, string? expected) =>
        Assert.Equal(expected, TiktokenEncoding.EncodingNameForModel(model));

    [Fact]
    public void A_missing_or_malformed_rank_file_gives_a_clear_error()
    {
        string missing = Path.Combine(Path.GetTempPath(), "hybridai-no-such-" + Guid.NewGuid().ToString("N") + ".cjs");
        var notFound = Assert.Throws<FileNotFoundException>(() => TiktokenEncoding.FromFile(missing));
        Assert.Contains("fetch-deps", notFound.Message, StringComparison.Ordinal);

        string bad = Path.GetTempFileName();
        try
        {
            File.WriteAllText(bad, "module.exports = {\"pat_str\":\"x\",\"special_tokens\":{},\"bpe_ranks\":\"! 0 !!notbase64\"}");
            var invalid = Assert.Throws<InvalidDataException>(() => TiktokenEncoding.FromFile(bad));
            Assert.Contains("base64", invalid.Message, StringComparison.Ordinal);

            File.WriteAllText(bad, "not a module");
            Assert.Throws<InvalidDataException>(() => TiktokenEncoding.FromFile(bad));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void Rejects_an_encoding_name_that_is_a_path() =>
        Assert.Throws<ArgumentException>(() => TiktokenEncoding.Get("../../etc/passwd"));

    private static string Escape(string text)
    {
        var sb = new StringBuilder();
        foreach (char c in text.Length > 60 ? text[..60] : text)
        {
            sb.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return sb.ToString();
    }
}
