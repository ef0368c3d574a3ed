using System.Globalization;
using HybridAI.Scenarios.TicketTriage;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>Renders a <see cref="TicketTriageReport"/> as the end-of-run summary.</summary>
internal static class SummaryTable
{
    public static void Write(IAnsiConsole console, TicketTriageReport report, string? outputPath)
    {
        var ci = CultureInfo.InvariantCulture;
        var overview = new Table().Title("ticket-triage").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        overview.AddRow("tickets", report.Tickets.ToString(ci));
        overview.AddRow("auto-replied", report.AutoReplied.ToString(ci));
        overview.AddRow("routed to review", report.RoutedToReview.ToString(ci));
        overview.AddRow("failed", report.Failures.Count.ToString(ci));
        overview.AddRow("unreadable input lines", report.InputErrors.Count.ToString(ci));
        overview.AddRow("throughput", string.Create(ci, $"{report.ItemsPerSecond:F1} tickets/s"));
        overview.AddRow("draft writer", Markup.Escape(report.Writer));
        if (report.Writer != TicketTriageReport.NoModelWriter || report.FellBack > 0)
        {
            overview.AddRow("drafts fallen back to grounded", report.FellBack.ToString(ci));
        }

        overview.AddRow("retrieval", Markup.Escape($"{report.Retrieval.Mode.ToString().ToLowerInvariant()} ({report.Retrieval.Embedder})"));
        AddQuality(overview, "category", report.CategoryQuality);
        AddQuality(overview, "priority", report.PriorityQuality);
        console.Write(overview);

        var categories = new Table().Title("per category (predicted)").AddColumn("category").AddColumn(new TableColumn("tickets").RightAligned());
        foreach (var (category, count) in report.PerCategory.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            categories.AddRow(Markup.Escape(category), count.ToString(ci));
        }

        console.Write(categories);

        var latency = new Table().Title("latency per step").AddColumn("step").AddColumn(new TableColumn("runs").RightAligned())
            .AddColumn(new TableColumn("p50").RightAligned()).AddColumn(new TableColumn("p95").RightAligned());
        foreach (var s in report.StepLatencies)
        {
            latency.AddRow(Markup.Escape(s.Step), s.Count.ToString(ci), Format(s.P50), Format(s.P95));
        }

        console.Write(latency);
        if (report.Retrieval.Notice is { } notice)
        {
            console.MarkupLineInterpolated($"[yellow]{notice}[/]");
        }

        foreach (var (reason, count) in report.Fallbacks.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            console.MarkupLineInterpolated($"[yellow]fell back to the grounded writer: {count} draft(s), {reason}[/]");
        }

        foreach (var e in report.InputErrors)
        {
            console.MarkupLineInterpolated($"[yellow]skipped input: {e}[/]");
        }

        foreach (var f in report.Failures)
        {
            console.MarkupLineInterpolated($"[red]failed: {f}[/]");
        }

        if (outputPath is not null)
        {
            console.MarkupLineInterpolated($"Results written to [green]{outputPath}[/]");
        }
    }

    private static void AddQuality(Table table, string name, LabelQuality? q)
    {
        if (q is null)
        {
            return;
        }

        table.AddRow($"{name} accuracy (golden, n={q.Labelled})", q.Accuracy.ToString("P1", CultureInfo.InvariantCulture));
        table.AddRow($"{name} macro-F1 / majority baseline",
            string.Create(CultureInfo.InvariantCulture, $"{q.MacroF1:F3} / {q.BaselineMacroF1:F3}"));
    }

    private static string Format(TimeSpan t) => t.TotalMilliseconds >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:F2} ms")
        : string.Create(CultureInfo.InvariantCulture, $"{t.TotalMicroseconds:F0} µs");
}
