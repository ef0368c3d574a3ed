using System.CommandLine;
using System.Globalization;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Pii.Evaluation;
using Spectre.Console;

namespace HybridAI.Cli.Commands.Pii;

/// <summary>
/// <c>hybridai pii eval --data FILE.jsonl</c>: runs the default detector over a labelled set and prints per-type
/// precision, recall, F1 and F2 (type must match, spans overlap), the same with exact spans, and a last line
/// <c>overall: precision P recall R f1 F1 f2 F2</c> (any type, spans overlap).
/// </summary>
internal static class PiiEvalCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var data = new Option<string>("--data") { Description = "JSON Lines, one {\"text\": ..., \"spans\": [{\"type\", \"start\", \"end\"}]} a line (character offsets, end exclusive).", Required = true };
        var command = new Command("eval", "Precision, recall, F1 and F2 of the default PII detector on a labelled JSONL set.") { data };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(data)!;
            PiiEvaluationReport report;
            try
            {
                report = PiiEvaluator.Evaluate(PiiDetector.CreateDefault(), PiiEvalDataReader.Read(path));
            }
            catch (Exception e) when (e is FileNotFoundException or PiiEvalDataException or IOException or UnauthorizedAccessException)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }

            if (report.Records == 0)
            {
                console.MarkupLineInterpolated($"[red]{path} has no records.[/]");
                return HybridAICommand.InputError;
            }

            Write(console.Profile.Out.Writer, report);
            return 0;
        });
        return command;
    }

    /// <summary>The report as plain text (no markup, no wrapping), so it reads the same in a terminal, a file or a test.</summary>
    internal static void Write(TextWriter output, PiiEvaluationReport report)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.Records} records, {report.Overall.Expected} labelled spans, {report.Overall.Found} found"));
        output.WriteLine();
        output.WriteLine("by type (type must match, spans overlap):");
        Table(output, report.ByType, report.Typed);
        output.WriteLine();
        output.WriteLine("exact spans (type and both ends must match):");
        Table(output, report.ExactByType, report.Exact);
        output.WriteLine();
        var o = report.Overall;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"overall: precision {o.Precision:F3} recall {o.Recall:F3} f1 {o.F1:F3} f2 {o.F2:F3}"));
    }

    private static void Table(TextWriter output, IReadOnlyDictionary<string, PiiScores> rows, PiiScores total)
    {
        var width = Math.Max(12, rows.Keys.Select(k => k.Length).DefaultIfEmpty(0).Max());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"type".PadRight(width)} {"labelled",8} {"found",8} {"precision",9} {"recall",7} {"f1",6} {"f2",6}"));
        foreach (var (type, s) in rows)
            Row(output, type, s, width);
        Row(output, "(all types)", total, width);
    }

    private static void Row(TextWriter output, string name, PiiScores s, int width) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name.PadRight(width)} {s.Expected,8} {s.Found,8} {s.Precision,9:F3} {s.Recall,7:F3} {s.F1,6:F3} {s.F2,6:F3}"));
}
