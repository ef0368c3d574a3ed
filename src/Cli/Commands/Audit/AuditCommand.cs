using System.CommandLine;
using System.Globalization;
using HybridAI.Governance.Audit;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Audit;

/// <summary>
/// <c>hybridai audit verify --db FILE | --jsonl FILE | --postgres ENV_VAR</c> checks an audit log's hash chain;
/// <c>hybridai audit export … --from DATE --to DATE [--format jsonl|csv] [--run RUN_ID]</c> writes its events in a
/// time window to standard output.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Exit code when the chain is broken.</summary>
    public const int ChainBroken = 1;

    public static Command Create(IAnsiConsole console) =>
        new("audit", "Check and export the tamper-evident audit trail.") { Verify(console), Export(console) };

    private static Command Verify(IAnsiConsole console)
    {
        var sources = new AuditSource.Options();
        var command = new Command("verify", "Check the hash chain: prints OK with the record count, or the first bad record (exit 1).");
        sources.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var (source, error) = sources.Resolve(parse);
            if (source is null)
                return Fail(console, error!);
            return AuditErrors.RunAsync(console, source, async () =>
            {
                var check = await source.VerifyAsync(ct).ConfigureAwait(false);
                var o = console.Profile.Out.Writer;
                if (check.IsValid)
                {
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"OK: {check.RowCount} records, hash chain intact ({source.Name})"));
                    return 0;
                }
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BROKEN at record {check.FirstBadRowId}: {check.Problem} ({source.Name})"));
                return ChainBroken;
            });
        });
        return command;
    }

    private static Command Export(IAnsiConsole console)
    {
        var sources = new AuditSource.Options();
        var from = new Option<string>("--from") { Description = "First day (YYYY-MM-DD, UTC) or instant (ISO 8601) to export.", Required = true };
        var to = new Option<string>("--to") { Description = "Last day (inclusive) or instant (exclusive) to export.", Required = true };
        var format = new Option<string>("--format") { Description = "jsonl (default) or csv.", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var run = new Option<string?>("--run") { Description = "Only this run's events." };
        var command = new Command("export", "Write the events in a time window to standard output, oldest first.") { from, to, format, run };
        sources.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var (source, error) = sources.Resolve(parse);
            if (source is null)
                return Fail(console, error!);
            if (!TryParseTime(parse.GetRequiredValue(from), endOfDay: false, out var start))
                return Fail(console, $"--from '{parse.GetRequiredValue(from)}' is not a date (YYYY-MM-DD) or an ISO 8601 instant.");
            if (!TryParseTime(parse.GetRequiredValue(to), endOfDay: true, out var end))
                return Fail(console, $"--to '{parse.GetRequiredValue(to)}' is not a date (YYYY-MM-DD) or an ISO 8601 instant.");
            if (end <= start)
                return Fail(console, "--to must be after --from.");
            return AuditErrors.RunAsync(console, source, async () =>
            {
                var writer = new AuditExportWriter(console.Profile.Out.Writer, parse.GetRequiredValue(format));
                await foreach (var record in source.ReadRangeAsync(start, end, parse.GetValue(run), ct).ConfigureAwait(false))
                    writer.Write(record);
                await console.Profile.Out.Writer.FlushAsync(ct).ConfigureAwait(false);
                return 0;
            });
        });
        return command;
    }

    /// <summary>A bare date means the whole day: as --from its start, as --to the start of the next day (the window's exclusive end).</summary>
    private static bool TryParseTime(string text, bool endOfDay, out DateTimeOffset time)
    {
        if (DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day))
        {
            time = new DateTimeOffset(endOfDay ? day.AddDays(1) : day, TimeSpan.Zero);
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
    }

    private static Task<int> Fail(IAnsiConsole console, string message)
    {
        console.MarkupLineInterpolated($"[red]{message}[/]");
        return Task.FromResult(HybridAICommand.InputError);
    }
}
