using HybridAI.Retrieval.Ingestion;

namespace HybridAI.Retrieval.Tests.Ingestion;

public sealed class DocumentLoadersTests
{
    [Fact]
    public async Task Folder_load_uses_the_loader_of_each_extension_and_collects_failures()
    {
        using var dir = new TempDirectory();
        dir.Write("a.md", "# Refunds\nBody");
        dir.Write("b.txt", "Plain");
        dir.Write("c.jsonl", "{\"id\":\"j1\",\"text\":\"one\"}\nnot json\n");
        dir.Write("d.csv", "id,text\nc1,two\n");
        dir.Write("ignored.png", "binary");
        Directory.CreateDirectory(dir.File("sub"));
        dir.Write(Path.Combine("sub", "e.md"), "no heading");

        DocumentLoadResult result = await DocumentLoaders.LoadFolderAsync(dir.Path);

        Assert.Equal(["a.md", "b.txt", "j1", "c1", "e.md"], result.Documents.Select(d => d.Id));
        Assert.Equal("Refunds", result.Documents[0].Source);
        var failure = Assert.Single(result.Failures);
        Assert.Equal((dir.File("c.jsonl"), 2), (failure.File, failure.Line));
    }
}
