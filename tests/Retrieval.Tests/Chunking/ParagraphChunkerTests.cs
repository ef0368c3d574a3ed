using HybridAI.Abstractions.Retrieval;
using HybridAI.Retrieval.Chunking;

namespace HybridAI.Retrieval.Tests.Chunking;

public sealed class ParagraphChunkerTests
{
    [Fact]
    public void Every_chunk_span_maps_back_to_the_document_text_exactly()
    {
        foreach (SourceDocument article in KnowledgeBase.Articles)
        {
            foreach (IChunker chunker in new IChunker[] { new ParagraphChunker(64), new ParagraphChunker(), new TokenWindowChunker(12, 4) })
            {
                IReadOnlyList<DocumentChunk> chunks = chunker.Chunk(article);

                Assert.NotEmpty(chunks);
                Assert.All(chunks, c => Assert.Equal(c.Text, article.Text.Substring(c.Span.Start, c.Span.Length)));
                Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
            }
        }
    }

    [Fact]
    public void Headings_start_a_new_chunk_and_small_paragraphs_merge()
    {
        const string text = "# Title\n\nPara one.\n\nPara two.\r\n\r\n## Section\nPara three.\n\n   \n\nPara four.";
        var chunks = new ParagraphChunker(200).Chunk(new SourceDocument("d", text, "s"));

        Assert.Equal(["# Title\n\nPara one.\n\nPara two.", "## Section\nPara three.\n\n   \n\nPara four."], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Paragraphs_merge_only_up_to_max_chars()
    {
        string paragraph = new('x', 30);
        string text = string.Join("\n\n", Enumerable.Range(0, 5).Select(i => paragraph + i));
        var chunks = new ParagraphChunker(70).Chunk(new SourceDocument("d", text, "s"));

        Assert.Equal(3, chunks.Count);
        Assert.All(chunks, c => Assert.True(c.Text.Length <= 70, $"{c.Text.Length} chars"));
    }

    [Fact]
    public void Long_paragraph_is_split_at_sentence_ends_within_max_chars()
    {
        string text = string.Concat(Enumerable.Range(10, 20).Select(i => $"Sentence {i} is about refunds. ")).Trim();
        var chunks = new ParagraphChunker(100).Chunk(new SourceDocument("d", text, "s"));

        Assert.True(chunks.Count > 5);
        Assert.All(chunks, c =>
        {
            Assert.True(c.Text.Length <= 100);
            Assert.EndsWith(".", c.Text, StringComparison.Ordinal);
        });
        Assert.Equal(text.Length - text.Count(char.IsWhiteSpace), chunks.Sum(c => c.Text.Length - c.Text.Count(char.IsWhiteSpace)));
    }

    [Fact]
    public void Identical_paragraphs_in_one_document_are_kept_once()
    {
        const string text = "# A\nSame words here.\n\n# B\nOther.\n\n# A\nSame words here.";
        var chunks = new ParagraphChunker(32).Chunk(new SourceDocument("d", text, "s"));

        Assert.Equal(["# A\nSame words here.", "# B\nOther."], chunks.Select(c => c.Text));
        Assert.Equal(chunks.Count, chunks.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Hash_inside_a_code_fence_is_not_a_heading()
    {
        const string text = "Intro.\n```\n# comment\nmore\n```";
        var chunks = new ParagraphChunker(500).Chunk(new SourceDocument("d", text, "s"));

        Assert.Equal([text], chunks.Select(c => c.Text));
    }

    [Fact]
    public void Empty_or_blank_text_has_no_chunks() =>
        Assert.Empty(new ParagraphChunker().Chunk(new SourceDocument("d", " \n\n\t", "s")));
}
