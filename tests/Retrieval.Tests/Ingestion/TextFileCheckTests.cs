using System.Text;
using HybridAI.Retrieval.Ingestion;

namespace HybridAI.Retrieval.Tests.Ingestion;

public sealed class TextFileCheckTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Bytes(string name, byte[] content)
    {
        string path = _dir.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData(" \t\r\n\n  ")]
    public void Empty_or_whitespace_only_files_have_no_text(string content) =>
        Assert.False(TextFileCheck.HasText(Bytes("blank.txt", new UTF8Encoding(false).GetBytes(content))));

    [Fact]
    public void Utf8_text_with_accents_has_text() =>
        Assert.True(TextFileCheck.HasText(_dir.Write("fr.txt", "Où est mon remboursement ? 中国")));

    [Fact]
    public void A_multibyte_character_cut_by_the_block_boundary_is_still_valid()
    {
        // 65,535 ASCII bytes put the three bytes of "€" across the first 64 KiB block's end.
        var content = Encoding.UTF8.GetBytes(new string('a', 65_535) + "€" + new string('b', 10));
        Assert.True(TextFileCheck.HasText(Bytes("boundary.txt", content)));
    }

    [Fact]
    public void A_nul_byte_is_reported_as_binary_with_its_line()
    {
        var path = Bytes("image.txt", [.. "line one\nline two\n"u8, 0x00, 0x01]);
        var e = Assert.Throws<InvalidDataException>(() => TextFileCheck.HasText(path));
        Assert.Equal($"{path}(3): the file holds NUL bytes, so it is binary (or UTF-16) rather than UTF-8 text.", e.Message);
    }

    [Fact]
    public void Utf16_is_reported_as_binary_rather_than_read_as_garbage()
    {
        var path = Bytes("utf16.txt", Encoding.Unicode.GetBytes("hello"));
        Assert.Contains("NUL bytes", Assert.Throws<InvalidDataException>(() => TextFileCheck.HasText(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_far_into_the_file_names_the_right_line_without_quoting_it()
    {
        string lines = string.Concat(Enumerable.Repeat("a perfectly fine line of text\n", 5_000));
        var path = Bytes("latin1.txt", [.. Encoding.UTF8.GetBytes(lines), .. Encoding.Latin1.GetBytes("secret café\n")]);
        var e = Assert.Throws<InvalidDataException>(() => TextFileCheck.HasText(path));
        Assert.StartsWith($"{path}(5001): the file is not valid UTF-8 text", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sequence_cut_off_by_the_end_of_the_file_is_invalid()
    {
        var path = Bytes("cut.txt", [.. "ok "u8, 0xE2, 0x82]);
        Assert.Contains("not valid UTF-8", Assert.Throws<InvalidDataException>(() => TextFileCheck.HasText(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_with_both_sizes()
    {
        var path = Bytes("big.txt", new byte[3 << 20]);
        var e = Assert.Throws<InvalidDataException>(() => TextFileCheck.HasText(path, maxBytes: 2 << 20));
        Assert.Equal($"{path}(1): the file is 3 MiB, over the 2 MiB limit for one file (files are loaded whole); split it or raise the limit.", e.Message);
    }

    public void Dispose() => _dir.Dispose();
}
