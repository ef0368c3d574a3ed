using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;

namespace HybridAI.Retrieval.Tests.Chunking;

public sealed class TokenWindowChunkerTests
{
    [Fact]
    public void Windows_hold_N_words_and_overlap_by_M()
    {
        string text = string.Join("  ", Enumerable.Range(1, 10).Select(i => "w" + i));
        var chunks = new TokenWindowChunker(windowWords: 4, overlapWords: 1).Chunk(new SourceDocument("d", text, "s"));

        Assert.Equal(
            ["w1  w2  w3  w4", "w4  w5  w6  w7", "w7  w8  w9  w10"],
            chunks.Select(c => c.Text));
    }

    [Fact]
    public void Text_shorter_than_a_window_is_one_chunk() =>
        Assert.Equal(["only three words"], new TokenWindowChunker(10, 2).Chunk(new SourceDocument("d", "\n only three words \n", "s")).Select(c => c.Text));

    [Fact]
    public void Repeated_windows_are_kept_once()
    {
        var chunks = new TokenWindowChunker(2, 0).Chunk(new SourceDocument("d", "ok go ok go ok go end", "s"));

        Assert.Equal(["ok go", "end"], chunks.Select(c => c.Text));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 5)]
    [InlineData(5, -1)]
    public void Invalid_window_settings_throw(int window, int overlap) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenWindowChunker(window, overlap));
}
