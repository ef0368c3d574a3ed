using System.Diagnostics;
using HybridAI.Governance.Review;
using HybridAI.Orchestrator;

namespace HybridAI.Cli.Tests.Commands;

/// <summary>
/// <c>hybridai review</c> on any queue file (<c>--queue</c>): a workflow this process knows nothing about suspends here,
/// the real <c>hybridai</c> executable decides in its own process, and this process (the workflow's host) resumes.
/// </summary>
public sealed class ReviewCommandQueueTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridai-review-q-").FullName;

    private string QueuePath => Path.Combine(_dir, "reviews.db");

    public sealed class Claim
    {
        public string Customer { get; set; } = "";
        public double Risk { get; set; }
        public string Reply { get; set; } = "";
        public string? Route { get; set; }
    }

    private static Workflow<Claim> Build() => Workflow.Create<Claim>("claims", "2")
        .Transform("draft", c => c.Reply = "We will pay the claim.")
        .Gate("fraud-review", GateConditions.ScoreAbove<Claim>(c => c.Risk, 0.8, "fraud score"),
            (c, d) => c.Route = d.Approved ? "paid" : "refused",
            gate => gate.AllowRoles("claims-lead").EscalateTo("claims-manager", TimeSpan.FromHours(4)).AllowEdits("Reply")
                .ShowSummary(c => $"claim by {c.Customer}"))
        .Build();

    [Fact]
    public async Task Show_role_check_edit_then_approve_and_resume_by_the_host()
    {
        string runId;
        await using (var queue = new ReviewQueue(QueuePath))
        {
            runId = (await new WorkflowRunner(checkpoints: queue.Checkpoints).RunAsync(Build(), new Claim { Customer = "jane.doe@example.com", Risk = 0.95 })).RunId;
        }

        var list = await Hybridai("review", "list", "--queue", QueuePath);
        Assert.Equal(0, list.ExitCode);
        Assert.Contains(runId, list.Output, StringComparison.Ordinal);

        var show = await Hybridai("review", "show", runId, "--queue", QueuePath);
        Assert.Equal(0, show.ExitCode);
        foreach (var expected in new[] { "claims 2", "fraud-review", "fraud score 0.95 > 0.80", "claims-lead", "claims-manager", "Pending", "Reply" })
            Assert.Contains(expected, show.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", show.Output, StringComparison.Ordinal);

        var intern = await Hybridai("review", "approve", runId, "--queue", QueuePath, "--reviewer", "u-5", "--role", "intern");
        Assert.Equal(HybridAICommand.InputError, intern.ExitCode);
        Assert.Contains("Role 'intern' may not decide gate 'fraud-review'", intern.Output, StringComparison.Ordinal);

        var approve = await Hybridai("review", "approve", runId, "--queue", QueuePath, "--reviewer", "u-1", "--role", "claims-lead",
            "--edit", "Reply=We will pay half of the claim.", "--comment", "partial");
        Assert.Equal(0, approve.ExitCode);
        Assert.Contains("Approved by u-1 (role claims-lead); the workflow's host resumes the run", approve.Output, StringComparison.Ordinal);

        var again = await Hybridai("review", "reject", runId, "--queue", QueuePath, "--reviewer", "u-2", "--role", "claims-lead");
        Assert.Equal(HybridAICommand.InputError, again.ExitCode);
        Assert.Contains("already decided (Approved)", again.Output, StringComparison.Ordinal);

        await using (var host = new ReviewQueue(QueuePath))
        {
            Assert.Single(await host.ListAwaitingResumeAsync());
            var done = await host.ResumeAsync(new WorkflowRunner(checkpoints: host.Checkpoints), Build(), runId);
            Assert.Equal(("paid", "We will pay half of the claim."), (done.State.Route, done.State.Reply));
            Assert.Empty(await host.ListAwaitingResumeAsync());
        }

        var shownDone = await Hybridai("review", "show", runId, "--queue", QueuePath);
        Assert.Contains("u-1 (role claims-lead)", shownDone.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("half of the claim", shownDone.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tool_call_review_is_decided_and_the_waiting_tool_loop_sees_it()
    {
        await using var queue = new ReviewQueue(QueuePath);
        await queue.EnqueueAsync(new ReviewItem
        {
            RunId = "tool-0123abcd", Workflow = "refund-agent", Step = "tool:issue_refund", Reason = "tool 'issue_refund' needs approval before it runs",
            Summary = "issue_refund(order_id=\"A-1\")", CreatedAt = DateTimeOffset.UtcNow,
        });
        var waiting = queue.WaitForDecisionAsync("tool-0123abcd", TimeSpan.FromMilliseconds(100));

        var reject = await Hybridai("review", "reject", "tool-0123abcd", "--queue", QueuePath, "--reviewer", "u-3", "--comment", "wrong order");
        Assert.Equal(0, reject.ExitCode);
        Assert.Contains("the waiting tool call picks it up", reject.Output, StringComparison.Ordinal);

        var decided = await waiting;
        Assert.Equal((ReviewStatus.Rejected, "u-3", "wrong order"), (decided.Status, decided.Reviewer, decided.Comment));
    }

    [Fact]
    public async Task Bad_input_is_named_and_changes_nothing()
    {
        var unknown = await Hybridai("review", "show", "no-such-run", "--queue", QueuePath);
        Assert.Equal(HybridAICommand.InputError, unknown.ExitCode);
        Assert.Contains("no-such-run", unknown.Output, StringComparison.Ordinal);

        await using (var queue = new ReviewQueue(QueuePath))
        {
            await new WorkflowRunner(checkpoints: queue.Checkpoints).RunAsync(Build(), new Claim { Risk = 0.9 }, runId: "run-1");
        }
        var noEquals = await Hybridai("review", "approve", "run-1", "--queue", QueuePath, "--role", "claims-lead", "--edit", "Reply");
        Assert.Equal(HybridAICommand.InputError, noEquals.ExitCode);
        Assert.Contains("--edit needs FIELD=VALUE", noEquals.Output, StringComparison.Ordinal);

        await using var check = new ReviewQueue(QueuePath);
        Assert.Equal(ReviewStatus.Pending, (await check.GetAsync("run-1"))!.Status);
    }

    private static async Task<(int ExitCode, string Output)> Hybridai(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hybridai.dll"));
        foreach (var a in args)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, Flat(await stdout + await stderr));
    }

    /// <summary>The output without colour codes and with line wrapping undone, so a message reads as one line.</summary>
    internal static string Flat(string output) =>
        System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(output, "\u001b\\[[0-9;]*m", ""), "\\s+", " ");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
