using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Index;

/// <summary>
/// <c>hybridai index add|stats|delete|rollback … --store DIR</c>: builds and maintains a document store (an
/// <see cref="HybridAI.Retrieval.Stores.IndexStore"/> folder) that <c>hybridai search</c> queries.
/// </summary>
internal static class IndexCommand
{
    public static Command Create(IAnsiConsole console)
    {
        return new Command("index", "Build and maintain a document store for 'hybridai search'.")
        {
            IndexAdd.Create(console),
            Stats(console),
            Delete(console),
            Rollback(console),
        };
    }

    public static Option<string> StoreOption() => new("--store") { Description = "The store's folder.", Required = true };

    private static Command Stats(IAnsiConsole console)
    {
        var store = StoreOption();
        var command = new Command("stats", "Show documents, chunks, versions, embedder and file sizes (and check every stored vector).") { store };
        command.SetAction((parse, ct) => StoreErrors.RunAsync(console, async () =>
        {
            await using var opened = await StoreErrors.OpenAsync(parse.GetRequiredValue(store), ct, checkEveryVector: true).ConfigureAwait(false);
            var stats = await opened.GetStatsAsync(ct).ConfigureAwait(false);
            var ci = CultureInfo.InvariantCulture;
            var o = console.Profile.Out.Writer;
            o.WriteLine($"store: {opened.Folder}");
            o.WriteLine(string.Create(ci, $"documents: {stats.Documents}"));
            o.WriteLine(string.Create(ci, $"chunks: {stats.Chunks}"));
            o.WriteLine(string.Create(ci, $"current_version: {stats.CurrentVersion}"));
            o.WriteLine($"embedder: {stats.Embedder}");
            o.WriteLine($"embedder_model: {stats.EmbedderModelId}");
            o.WriteLine(string.Create(ci, $"dimensions: {stats.Dimensions}"));
            o.WriteLine(string.Create(ci, $"vectors: {stats.VectorCount}"));
            o.WriteLine($"chunker: {opened.Chunker}");
            foreach (var (name, bytes) in stats.Files)
            {
                o.WriteLine(string.Create(ci, $"file {name}: {bytes} bytes"));
            }

            o.WriteLine(string.Create(ci, $"versions: {stats.Versions.Count}"));
            foreach (var v in stats.Versions)
            {
                o.WriteLine(string.Create(ci, $"  {v.Number}  {v.CommittedAt:yyyy-MM-ddTHH:mm:ssZ}  {v.Kind}  {v.DocumentCount} documents"));
            }

            return 0;
        }));
        return command;
    }

    private static Command Delete(IAnsiConsole console)
    {
        var id = new Argument<string>("doc-id") { Description = "The document to remove (as shown by search: the id, e.g. a file's path in the folder added)." };
        var store = StoreOption();
        var command = new Command("delete", "Remove a document and its chunks (a new version; older versions keep it).") { id, store };
        command.SetAction((parse, ct) => StoreErrors.RunAsync(console, async () =>
        {
            await using var opened = await StoreErrors.OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            var documentId = parse.GetRequiredValue(id);
            if (!await opened.Index.DeleteAsync(documentId, ct).ConfigureAwait(false))
            {
                console.MarkupLineInterpolated($"[red]no document '{documentId}' in {opened.Folder}[/]");
                return HybridAICommand.InputError;
            }

            console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"deleted {documentId}; version {opened.Index.CurrentVersion}"));
            return 0;
        }));
        return command;
    }

    private static Command Rollback(IAnsiConsole console)
    {
        var version = new Argument<long>("version") { Description = "The version whose content to restore (see 'hybridai index stats')." };
        var store = StoreOption();
        var command = new Command("rollback", "Restore an earlier version's content as a new version (history is kept).") { version, store };
        command.SetAction((parse, ct) => StoreErrors.RunAsync(console, async () =>
        {
            await using var opened = await StoreErrors.OpenAsync(parse.GetRequiredValue(store), ct).ConfigureAwait(false);
            long wanted = parse.GetValue(version);
            long current = opened.Index.CurrentVersion;
            if (wanted < 0 || wanted > current)
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]version {wanted} is not in this store: its versions are 0 to {current}[/]");
                return HybridAICommand.InputError;
            }

            long created = await opened.Index.RollbackAsync(wanted, ct).ConfigureAwait(false);
            console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rolled back to version {wanted}; new version {created}"));
            return 0;
        }));
        return command;
    }
}
