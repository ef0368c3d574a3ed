using HybridAI.Retrieval.Ingestion;

namespace HybridAI.Retrieval.Tests.Ingestion;

public sealed class TextAndMarkdownLoaderTests
{
    [Fact]
    public async Task Plain_text_file_becomes_one_document_named_after_the_file()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("policy.txt", "Line one.\r\nLine deux é.");

        var document = Assert.Single((await new PlainTextLoader().LoadAsync(path)).Documents);

        Assert.Equal(("policy.txt", "policy.txt", "Line one.\r\nLine deux é."), (document.Id, document.Source, document.Text));
    }

    [Theory]
    [InlineData("# Refund policy\n\nBody", "Refund policy")]
    [InlineData("Intro line\n\n## Délais de livraison ##\ntext", "Délais de livraison")]
    [InlineData("```\n# not a heading\n```\n### Real one", "Real one")]
    [InlineData("#hashtag is not a heading\n\nbody", null)]
    public async Task Markdown_title_is_the_first_heading(string markdown, string? expectedTitle)
    {
        using var dir = new TempDirectory();
        string path = dir.Write("article.md", markdown);

        var document = Assert.Single((await new MarkdownLoader().LoadAsync(path)).Documents);

        Assert.Equal("article.md", document.Id);
        Assert.Equal(markdown, document.Text);
        Assert.Equal(expectedTitle ?? "article.md", document.Source);
        Assert.Equal(expectedTitle, document.Metadata.GetValueOrDefault(MarkdownLoader.TitleKey));
    }

    [Fact]
    public async Task Missing_file_throws_file_not_found()
    {
        using var dir = new TempDirectory();
        await Assert.ThrowsAsync<FileNotFoundException>(() => new MarkdownLoader().LoadAsync(dir.File("absent.md")).AsTask());
    }
}
