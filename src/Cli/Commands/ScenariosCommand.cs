using System.CommandLine;
using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary><c>hybridai scenarios</c> lists the scenarios; <c>hybridai scenarios generate-data NAME</c> rewrites a scenario's data.</summary>
internal static class ScenariosCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var list = new Command("scenarios", "List the business scenarios that 'hybridai run' can run.");
        list.SetAction(_ =>
        {
            var table = new Table().AddColumn("Scenario").AddColumn("Folder").AddColumn("What it does");
            foreach (var s in ScenarioCatalog.All)
            {
                table.AddRow(Markup.Escape(s.Name), Markup.Escape("samples/scenarios/" + s.Folder), Markup.Escape(s.Description));
            }

            console.Write(table);
            return 0;
        });

        var name = new Argument<string>("scenario") { Description = "Scenario name, e.g. ticket-triage." };
        var output = new Option<string?>("--out") { Description = "Folder to write the data to (default: the scenario's data folder)." };
        var generate = new Command("generate-data", "Regenerate a scenario's data set deterministically.") { name, output };
        generate.SetAction(parse =>
        {
            var scenarioName = parse.GetRequiredValue(name);
            if (!ScenarioCatalog.TryFind(scenarioName, out _))
            {
                console.MarkupLineInterpolated($"[red]{ScenarioCatalog.UnknownMessage(scenarioName)}[/]");
                return HybridAICommand.InputError;
            }

            var folder = parse.GetValue(output) ?? ScenarioData.RepositoryFolder();
            if (folder is null)
            {
                console.MarkupLine("[red]Not inside a HybridAI clone: pass --out DIR to choose where the data goes.[/]");
                return HybridAICommand.InputError;
            }

            TicketDataGenerator.WriteTo(folder);
            console.MarkupLineInterpolated($"Wrote scenario data to [green]{folder}[/]");
            return 0;
        });
        list.Add(generate);
        return list;
    }
}
