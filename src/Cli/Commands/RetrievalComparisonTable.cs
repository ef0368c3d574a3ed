using System.Globalization;
using HybridAI.Scenarios.TicketTriage;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>Renders a <see cref="RetrievalComparisonReport"/>: one row per search mode.</summary>
internal static class RetrievalComparisonTable
{
    public static void Write(IAnsiConsole console, RetrievalComparisonReport report)
    {
        var ci = CultureInfo.InvariantCulture;
        var table = new Table()
            .Title(Markup.Escape($"knowledge-base retrieval, {report.Queries} golden tickets, embedder {report.Embedder}"))
            .AddColumn("mode")
            .AddColumn(new TableColumn(string.Create(ci, $"recall@{report.K}")).RightAligned())
            .AddColumn(new TableColumn("MRR").RightAligned())
            .AddColumn(new TableColumn("nDCG@10").RightAligned());
        foreach (var m in report.Modes)
        {
            table.AddRow(m.Mode.ToString().ToLowerInvariant(), m.RecallAtK.ToString("F3", ci), m.MeanReciprocalRank.ToString("F3", ci), m.NdcgAt10.ToString("F3", ci));
        }

        console.Write(table);
        console.MarkupLine("Relevant: the articles of the category each ticket describes (grade 2 in its language, 1 in the other).");
        if (report.Notice is { } notice)
        {
            console.MarkupLineInterpolated($"[yellow]{notice}[/]");
        }
    }
}
