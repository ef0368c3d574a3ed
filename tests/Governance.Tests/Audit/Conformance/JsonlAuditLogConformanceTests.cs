using System.Text;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Audit.Conformance;

public sealed class JsonlAuditLogConformanceTests : AuditLogConformanceTests
{
    private string FilePath => Dir.File("audit.jsonl");

    protected override Task<IAuditLog> OpenAsync(int batchSize = 512, int capacity = 16_384) =>
        Task.FromResult<IAuditLog>(new JsonlAuditLog(FilePath, batchSize, capacity));

    protected override Task EditAsync(long id) => RewriteAsync(lines =>
    {
        Assert.Contains("label=billing", lines[(int)id - 1], StringComparison.Ordinal);
        lines[(int)id - 1] = lines[(int)id - 1].Replace("label=billing", "label=refund", StringComparison.Ordinal);
    });

    protected override Task DeleteAsync(long id) => RewriteAsync(lines => lines.RemoveAt((int)id - 1));

    protected override Task DeleteFromAsync(long id) => RewriteAsync(lines => lines.RemoveRange((int)id - 1, lines.Count - (int)id + 1));

    protected override async Task<long> InsertCopyAsync(long afterId)
    {
        await RewriteAsync(lines => lines.Insert((int)afterId, lines[(int)afterId - 1]));
        return afterId + 1; // the copy stands where record afterId + 1 belongs
    }

    protected override async Task<long> SwapAsync(long a, long b)
    {
        await RewriteAsync(lines => (lines[(int)a - 1], lines[(int)b - 1]) = (lines[(int)b - 1], lines[(int)a - 1]));
        return b; // line a now holds record b: to a reader of the file, a..b-1 went missing before it
    }

    protected override async Task<string> RawContentAsync()
    {
        var text = new StringBuilder();
        foreach (var file in Directory.GetFiles(Dir.Path))
            text.Append(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
        return text.ToString();
    }

    private async Task RewriteAsync(Action<List<string>> change)
    {
        var lines = (await File.ReadAllLinesAsync(FilePath)).ToList();
        change(lines);
        await File.WriteAllTextAsync(FilePath, string.Concat(lines.Select(l => l + "\n")));
    }
}
