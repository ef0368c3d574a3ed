using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using HybridAI.Governance.Review;
using HybridAI.Orchestrator;
using HybridAI.Scenarios.TicketTriage;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// <c>hybridai review list|show|approve|reject|timeouts</c> works any review queue file (<c>--queue</c>; by default the
/// ticket-triage scenario's). Deciding claims the review atomically (of two reviewers deciding at once, one wins) and
/// checks the reviewer's role against the gate. A ticket-triage run is then resumed from its checkpoint in this process;
/// for other workflows and for tool-call reviews (ids <c>tool-…</c>) the decision is recorded and the waiting process
/// (the workflow's host, or the tool loop) picks it up.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var workDir = new Option<string?>("--work-dir") { Description = "The scenario's work folder (as given to 'hybridai run')." };
        var queueFile = new Option<string?>("--queue") { Description = "The review queue file (default: review.db in the scenario's work folder)." };
        var review = new Command("review", "Work a human review queue: list, show, approve, reject.");

        var list = new Command("list", "List runs waiting for review.") { workDir, queueFile };
        list.SetAction(async (parse, ct) => await Guarded(console, async () =>
        {
            await using var queue = Open(parse.GetValue(queueFile), parse.GetValue(workDir));
            var table = new Table().AddColumn(new TableColumn("run id").NoWrap()).AddColumn("workflow").AddColumn("gate").AddColumn("reason").AddColumn("roles").AddColumn("summary");
            foreach (var item in await queue.ListPendingAsync(ct).ConfigureAwait(false))
            {
                table.AddRow(Markup.Escape(item.RunId), Markup.Escape(item.Workflow), Markup.Escape(item.Step), Markup.Escape(item.Reason),
                    Markup.Escape(Roles(item)), Markup.Escape(item.Summary ?? ""));
            }

            console.Write(table);
            return 0;
        }).ConfigureAwait(false));
        review.Add(list);

        var showId = new Argument<string>("run-id") { Description = "The run (or tool-call review) to show." };
        var show = new Command("show", "Show one review: masked summary, gate, reason, allowed roles, status and deadlines.") { showId, workDir, queueFile };
        show.SetAction(async (parse, ct) => await Guarded(console, async () =>
        {
            await using var queue = Open(parse.GetValue(queueFile), parse.GetValue(workDir));
            var id = parse.GetRequiredValue(showId);
            var item = await queue.GetAsync(id, ct).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No review exists for run '{id}'.");
            Show(console, item);
            return 0;
        }).ConfigureAwait(false));
        review.Add(show);

        review.Add(Decide("approve", approved: true, console, workDir, queueFile));
        review.Add(Decide("reject", approved: false, console, workDir, queueFile));

        var timeouts = new Command("timeouts", "Escalate reviews past their escalation time and reject those past their final deadline.") { workDir, queueFile };
        timeouts.SetAction(async (parse, ct) => await Guarded(console, async () =>
        {
            await using var queue = Open(parse.GetValue(queueFile), parse.GetValue(workDir));
            var done = await queue.ProcessTimeoutsAsync(ct).ConfigureAwait(false);
            console.MarkupLineInterpolated($"{done.Escalated.Count} escalated, {done.Rejected.Count} rejected at their deadline");
            return 0;
        }).ConfigureAwait(false));
        review.Add(timeouts);
        return review;
    }

    private static Command Decide(string name, bool approved, IAnsiConsole console, Option<string?> workDir, Option<string?> queueFile)
    {
        var runId = new Argument<string>("run-id") { Description = "The run to decide (see 'hybridai review list')." };
        var reviewer = new Option<string>("--reviewer") { Description = "Who decides (an account id).", DefaultValueFactory = _ => Environment.UserName };
        var role = new Option<string>("--role") { Description = "The reviewer's role, checked against the gate's allowed roles.", DefaultValueFactory = _ => TicketTriageScenario.DefaultRole };
        var comment = new Option<string?>("--comment") { Description = "Why." };
        var edit = new Option<string[]>("--edit") { Description = "Edit-then-approve: FIELD=VALUE for a state field the gate lets reviewers edit (repeatable).", AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "Print the finished run's state as one JSON line (ticket-triage runs)." };
        var command = new Command(name, $"{(approved ? "Approve" : "Reject")} a review; a ticket-triage run then finishes from its checkpoint.")
        {
            runId, reviewer, role, comment, edit, json, workDir, queueFile,
        };
        command.SetAction(async (parse, ct) => await Guarded(console, async () =>
        {
            var id = parse.GetRequiredValue(runId);
            var who = new Reviewer(parse.GetRequiredValue(reviewer), parse.GetRequiredValue(role));
            var edits = Edits(parse.GetValue(edit));
            var folder = WorkDirectory(parse.GetValue(workDir));
            var path = parse.GetValue(queueFile) ?? Path.Combine(folder, "review.db");
            ReviewItem item;
            await using (var queue = new ReviewQueue(path))
            {
                item = await queue.GetAsync(id, ct).ConfigureAwait(false) ?? throw new KeyNotFoundException($"No review exists for run '{id}'.");
                if (!ResumesHere(item, path, folder))
                {
                    var decided = await queue.DecideAsync(id, who, approved, parse.GetValue(comment), edits, ct).ConfigureAwait(false);
                    var next = item.Step.StartsWith("tool:", StringComparison.Ordinal)
                        ? "the waiting tool call picks it up"
                        : "the workflow's host resumes the run";
                    console.MarkupLineInterpolated($"run {id}: {decided.Status} by {who.Id} (role {who.Role}); {next}");
                    return 0;
                }
            }

            var result = await TicketTriageScenario.ResumeAsync(folder, id,
                new GateDecision(approved, who.Id, parse.GetValue(comment)) { Role = who.Role, Edits = edits }, cancellationToken: ct).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(result.State));
            }
            else
            {
                console.MarkupLineInterpolated($"run {id}: {result.Status}, route [green]{result.State.Route}[/]");
            }

            return result.Status == RunStatus.Completed ? 0 : 1;
        }).ConfigureAwait(false));
        return command;
    }

    /// <summary>A ticket-triage gate review in the scenario's own queue: the CLI can rebuild that workflow and finish the run.</summary>
    private static bool ResumesHere(ReviewItem item, string queuePath, string folder) =>
        item.Workflow == TicketTriageWorkflow.Name
        && !item.Step.StartsWith("tool:", StringComparison.Ordinal)
        && string.Equals(Path.GetFullPath(queuePath), Path.GetFullPath(Path.Combine(folder, "review.db")), StringComparison.Ordinal);

    private static Dictionary<string, string>? Edits(string[]? values)
    {
        if (values is null || values.Length == 0)
            return null;
        var edits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw new ArgumentException("--edit needs FIELD=VALUE (e.g. --edit Reply=\"Thanks, refunded.\"); one was given without a field name or '='.");
            edits[value[..eq].Trim()] = value[(eq + 1)..];
        }
        return edits;
    }

    private static void Show(IAnsiConsole console, ReviewItem item)
    {
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string name, string? value) => grid.AddRow(Markup.Escape(name), Markup.Escape(value ?? "-"));
        Row("run id", item.RunId);
        Row("workflow", item.WorkflowVersion is null ? item.Workflow : $"{item.Workflow} {item.WorkflowVersion}");
        Row("gate", item.Step);
        Row("status", item.Status.ToString());
        Row("reason", item.Reason);
        Row("summary", item.Summary);
        Row("allowed roles", Roles(item));
        Row("requested", Date(item.CreatedAt));
        Row("escalates", item.EscalateAt is { } e ? $"{Date(e)} to {item.EscalationRole}" : null);
        Row("escalated", Date(item.EscalatedAt));
        Row("rejected at", Date(item.RejectAt));
        Row("editable", item.EditableFields.Count == 0 ? null : string.Join(", ", item.EditableFields));
        if (item.Status != ReviewStatus.Pending)
        {
            Row("decided", $"{Date(item.DecidedAt)} by {item.Reviewer ?? "-"}" + (item.ReviewerRole is null ? "" : $" (role {item.ReviewerRole})"));
            Row("comment", item.Comment);
            // The field names only: the edited values are the reviewer's text and may quote the customer.
            Row("edited", item.Edits is { Count: > 0 } edits ? string.Join(", ", edits.Keys) : null);
            Row("resumed", Date(item.ResumedAt));
        }

        console.Write(grid);
    }

    private static string Roles(ReviewItem item)
    {
        var roles = item.AllowedRoles.Count == 0 ? "any" : string.Join(", ", item.AllowedRoles);
        return item.EscalationRole is null ? roles : $"{roles} (+{item.EscalationRole} {(item.EscalatedAt is null ? "after escalation" : "now")})";
    }

    private static string? Date(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Turns the review errors a person can fix into one red line and the input-error exit code.</summary>
    private static async Task<int> Guarded(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception e) when (e is KeyNotFoundException or CheckpointMismatchException or ReviewNotAllowedException
            or InvalidOperationException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return HybridAICommand.InputError;
        }
    }

    private static ReviewQueue Open(string? queueFile, string? workDir) =>
        new(queueFile ?? Path.Combine(WorkDirectory(workDir), "review.db"));

    private static string WorkDirectory(string? value) => value ?? Path.Combine(".hybridai", TicketTriageScenario.Name);
}
