using System.CommandLine;
using System.Text.Json;
using HybridAI.Governance.Review;
using HybridAI.Orchestrator;
using HybridAI.Scenarios.TicketTriage;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// <c>hybridai review list</c> shows tickets waiting for a person; <c>hybridai review approve|reject RUN_ID</c>
/// records the decision and resumes the suspended run from its checkpoint (in this process, whichever process suspended it).
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var workDir = new Option<string?>("--work-dir") { Description = "The scenario's work folder (as given to 'hybridai run')." };
        var review = new Command("review", "Work the ticket-triage review queue.");

        var list = new Command("list", "List runs waiting for review.") { workDir };
        list.SetAction(async (parse, ct) =>
        {
            var folder = WorkDirectory(parse.GetValue(workDir));
            await using var queue = new ReviewQueue(Path.Combine(folder, "review.db"));
            var table = new Table().AddColumn("run id").AddColumn("reason").AddColumn("summary");
            foreach (var item in await queue.ListPendingAsync(ct).ConfigureAwait(false))
            {
                table.AddRow(Markup.Escape(item.RunId), Markup.Escape(item.Reason), Markup.Escape(item.Summary ?? ""));
            }

            console.Write(table);
            return 0;
        });
        review.Add(list);
        review.Add(Decide("approve", approved: true, console, workDir));
        review.Add(Decide("reject", approved: false, console, workDir));
        return review;
    }

    private static Command Decide(string name, bool approved, IAnsiConsole console, Option<string?> workDir)
    {
        var runId = new Argument<string>("run-id") { Description = "The run to decide (see 'hybridai review list')." };
        var reviewer = new Option<string>("--reviewer") { Description = "Who decides.", DefaultValueFactory = _ => Environment.UserName };
        var comment = new Option<string?>("--comment") { Description = "Why." };
        var json = new Option<bool>("--json") { Description = "Print the finished run's state as one JSON line." };
        var command = new Command(name, $"{(approved ? "Approve" : "Reject")} a suspended run's reply and finish the run.")
        {
            runId, reviewer, comment, json, workDir,
        };
        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetRequiredValue(runId);
            try
            {
                var result = await TicketTriageScenario.ResumeAsync(WorkDirectory(parse.GetValue(workDir)), id,
                    new GateDecision(approved, parse.GetRequiredValue(reviewer), parse.GetValue(comment)), cancellationToken: ct).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(result.State));
                }
                else
                {
                    console.MarkupLineInterpolated($"run {id}: {result.Status}, route [green]{result.State.Route}[/]");
                }

                return result.Status == RunStatus.Completed ? 0 : 1;
            }
            catch (KeyNotFoundException e)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }
            catch (CheckpointMismatchException e)
            {
                console.MarkupLineInterpolated($"[red]{e.Message}[/]");
                return HybridAICommand.InputError;
            }
        });
        return command;
    }

    private static string WorkDirectory(string? value) => value ?? Path.Combine(".hybridai", TicketTriageScenario.Name);
}
