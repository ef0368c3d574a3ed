using HybridAI.Retrieval.Embeddings;

namespace HybridAI.Retrieval.Tests.Embeddings;

public sealed class WordPieceTokenizerTests
{
    private static readonly WordPieceTokenizer Uncased = WordPieceTokenizer.FromTokens(TinyBert.Vocabulary);
    private static readonly WordPieceTokenizer Cased = WordPieceTokenizer.FromTokens(TinyBert.Vocabulary, lowerCase: false, stripAccents: false);

    [Theory]
    [InlineData("Hello, World!", "hello , world !")]
    [InlineData("  the\tcat\nsat\r\non  the mat. ", "the cat sat on the mat .")]
    [InlineData("the\u00A0cat\u3000sat", "the cat sat")]
    [InlineData("don't", "don ' t")]
    [InlineData("$5 a-b", "$ 5 a - b")]
    [InlineData("cat!!", "cat ! !")]
    public void Whitespace_is_cleaned_and_punctuation_split(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Uncased.Tokenize(text)));

    [Theory]
    [InlineData("unaffable", "un ##aff ##able")]
    [InlineData("playing plays play", "play ##ing play ##s play")]
    [InlineData("slowly", "slow ##ly")]
    [InlineData("aaaa", "a ##a ##a ##a")]
    public void Words_split_into_longest_pieces_with_continuations(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Uncased.Tokenize(text)));

    [Theory]
    [InlineData("xyz", "[UNK]")]
    [InlineData("unaffablex the", "[UNK] the")]
    [InlineData("catx cat", "[UNK] cat")]
    [InlineData("the😀cat", "[UNK]")]
    [InlineData("the 😀 cat", "the [UNK] cat")]
    public void A_word_without_a_complete_split_is_one_unknown(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Uncased.Tokenize(text)));

    [Fact]
    public void Words_longer_than_100_code_points_are_unknown()
    {
        Assert.Equal(100, Uncased.Tokenize(new string('a', 100)).Count);
        Assert.Equal(["[UNK]"], Uncased.Tokenize(new string('a', 101)));
        Assert.Equal(["the", "[UNK]", "cat"], Uncased.Tokenize("the " + new string('a', 101) + " cat"));
    }

    [Theory]
    [InlineData("Café", "cafe")]
    [InlineData("CAFÉ", "cafe")]
    [InlineData("Cafe\u0301", "cafe")]
    [InlineData("HELLO World", "hello world")]
    public void Uncased_lowercases_and_strips_accents(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Uncased.Tokenize(text)));

    [Fact]
    public void Cased_keeps_case_and_accents_and_composes_first()
    {
        Assert.Equal(["Hello", "hello"], Cased.Tokenize("Hello hello"));
        Assert.Equal(["[UNK]"], Cased.Tokenize("Café")); // "Café" is not in the vocabulary, "café" is
        Assert.Equal(["café"], Cased.Tokenize("cafe\u0301")); // NFC joins e + U+0301 into é
        var lowerOnly = WordPieceTokenizer.FromTokens(TinyBert.Vocabulary, lowerCase: true, stripAccents: false);
        Assert.Equal(["café"], lowerOnly.Tokenize("CAFÉ"));
    }

    [Theory]
    [InlineData("中国", "中 国")]
    [InlineData("the中国cat", "the 中 国 cat")]
    [InlineData("中国人", "中 国 [UNK]")]
    [InlineData("\U00020000cat", "[UNK] cat")] // CJK extension B: a surrogate pair, split off as one character
    public void Cjk_ideographs_are_words_of_their_own(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Uncased.Tokenize(text)));

    [Theory]
    [InlineData("hel\u0000lo", "hello")]
    [InlineData("hel\u200Blo", "hello")]
    [InlineData("hel\uFFFDlo", "hello")]
    [InlineData("hel\u0007lo world", "hello world")]
    public void Control_and_format_characters_are_removed(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Uncased.Tokenize(text)));

    [Fact]
    public void Encode_adds_cls_and_sep_and_cuts_at_the_maximum_length()
    {
        int[] all = Uncased.Encode("the cat sat on the mat", 512);
        Assert.Equal([2, 5, 6, 7, 8, 5, 9, 3], all);
        Assert.Equal([2, 5, 6, 7, 3], Uncased.Encode("the cat sat on the mat", 5));
        Assert.Equal([2, 10, 11, 3], Uncased.Encode("unaffable cat", 4)); // cut inside a word keeps its first pieces
        Assert.Equal([2, 3], Uncased.Encode("the cat", 2));
        Assert.Equal(all, Uncased.Encode("the cat sat on the mat", 8));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n")]
    [InlineData("\u0000\u200B")]
    public void Text_without_tokens_is_cls_and_sep(string text) =>
        Assert.Equal([Uncased.ClsId, Uncased.SepId], Uncased.Encode(text, 16));

    [Fact]
    public void Special_ids_come_from_the_vocabulary()
    {
        Assert.Equal((0, 1, 2, 3), (Uncased.PadId, Uncased.UnkId, Uncased.ClsId, Uncased.SepId));
        Assert.Equal(TinyBert.Vocabulary.Length, Uncased.Count);
    }

    [Fact]
    public void A_missing_or_empty_vocabulary_file_is_named()
    {
        using var dir = new TempDirectory();
        var missing = Assert.Throws<FileNotFoundException>(() => WordPieceTokenizer.FromFile(dir.File("vocab.txt"), true, true));
        Assert.Contains(dir.File("vocab.txt"), missing.Message, StringComparison.Ordinal);

        string empty = dir.Write("empty.txt", "");
        var error = Assert.Throws<InvalidDataException>(() => WordPieceTokenizer.FromFile(empty, true, true));
        Assert.Contains(empty, error.Message, StringComparison.Ordinal);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vocabulary_without_special_tokens_names_the_missing_ones()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("vocab.txt", "[PAD]\n[UNK]\nthe\ncat\n");
        var error = Assert.Throws<InvalidDataException>(() => WordPieceTokenizer.FromFile(path, true, true));
        Assert.Contains("[CLS], [SEP]", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_and_a_final_newline_are_read_as_bert_reads_them()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("vocab.txt", "[PAD]\r\n[UNK]\r\n[CLS]\r\n[SEP]\r\nthe\r\n");
        var tokenizer = WordPieceTokenizer.FromFile(path, true, true);
        Assert.Equal(5, tokenizer.Count);
        Assert.Equal([2, 4, 3], tokenizer.Encode("The", 10));
    }
}
