using System.Diagnostics;
using System.Text.Json;
using HybridAI.Governance.Review;
using HybridAI.Orchestrator;
using HybridAI.Scenarios.TicketTriage;

namespace HybridAI.Cli.Tests.Commands;

public sealed class ReviewCommandTests : IDisposable
{
    private readonly string _interrupted = Directory.CreateTempSubdirectory("hybridai-review-a-").FullName;
    private readonly string _uninterrupted = Directory.CreateTempSubdirectory("hybridai-review-b-").FullName;

    [Fact]
    public async Task Resume_in_a_new_process_gives_the_same_result_as_an_uninterrupted_run()
    {
        // Suspend: the golden set leaves urgent and unsure tickets at the review gate, checkpointed in SQLite.
        var results = Path.Combine(_interrupted, "results.jsonl");
        await TicketTriageScenario.RunAsync(new TicketTriageRun { WorkDirectory = _interrupted, MaxParallelism = 1, OutputPath = results });
        string runId;
        await using (var queue = new ReviewQueue(Path.Combine(_interrupted, "review.db")))
        {
            var pending = await queue.ListPendingAsync();
            Assert.NotEmpty(pending);
            runId = pending[0].RunId;
        }

        // The state holds the ticket id PII-masked; the results file (in input order) names the tickets as they came in.
        // One run at a time suspends in that order, so the oldest pending review is the first suspended ticket.
        var ticketId = File.ReadLines(results).Select(l => JsonDocument.Parse(l).RootElement)
            .First(r => r.GetProperty("status").GetString() == "suspended").GetProperty("id").GetString();

        // Resume in another process: the real `hybridai` executable, which rebuilds everything from the work folder.
        var resumed = await RunHybridAI("review", "approve", runId, "--reviewer", "lead", "--json", "--work-dir", _interrupted);
        var fromNewProcess = JsonSerializer.Deserialize<TicketState>(resumed)!;
        Assert.Equal("approved", fromNewProcess.Route);

        // Uninterrupted: the same ticket through the same workflow in this process, decided as soon as it reaches the gate.
        var ticket = TicketTriageScenario.LoadData(ScenarioData.Locate()).Golden.Single(t => t.Id == ticketId);
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        await using var components = await TicketTriageComponents.CreateAsync(data, _uninterrupted);
        var workflow = TicketTriageWorkflow.Build(components);
        var runner = new WorkflowRunner(checkpoints: components.Checkpoints);
        var first = await runner.RunAsync(workflow, new TicketState { Id = ticket.Id, Subject = ticket.Subject, Body = ticket.Body });
        Assert.Equal(RunStatus.Suspended, first.Status);
        var direct = (await runner.ResumeAsync(workflow, first.RunId, new GateDecision(true, "lead"))).State;

        Assert.Equal(JsonSerializer.Serialize(direct), JsonSerializer.Serialize(fromNewProcess));

        await using (var queue = new ReviewQueue(Path.Combine(_interrupted, "review.db")))
        {
            Assert.DoesNotContain(await queue.ListPendingAsync(), i => i.RunId == runId);
        }

        // Approving again is refused: the review is decided and the run finished.
        var twice = await RunHybridAIRaw("review", "approve", runId, "--reviewer", "lead", "--work-dir", _interrupted);
        Assert.Equal(HybridAICommand.InputError, twice.ExitCode);
        Assert.Contains("already decided", ReviewCommandQueueTests.Flat(twice.Output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_then_approve_finishes_a_triage_run_with_the_edited_reply()
    {
        await TicketTriageScenario.RunAsync(new TicketTriageRun { WorkDirectory = _interrupted, MaxParallelism = 1 });
        string runId;
        await using (var queue = new ReviewQueue(Path.Combine(_interrupted, "review.db")))
        {
            runId = (await queue.ListPendingAsync())[0].RunId;
        }

        var shown = await RunHybridAIRaw("review", "show", runId, "--work-dir", _interrupted);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("human-review", shown.Output, StringComparison.Ordinal);
        Assert.Contains("Pending", shown.Output, StringComparison.Ordinal);

        var badField = await RunHybridAIRaw("review", "approve", runId, "--edit", "Route=auto-reply", "--work-dir", _interrupted);
        Assert.Equal(HybridAICommand.InputError, badField.ExitCode);
        Assert.Contains("field 'Route' may not be edited", ReviewCommandQueueTests.Flat(badField.Output), StringComparison.Ordinal);

        var line = await RunHybridAI("review", "approve", runId, "--reviewer", "u-7", "--edit", "Reply=Thanks, we fixed your invoice.", "--json", "--work-dir", _interrupted);
        var state = JsonSerializer.Deserialize<TicketState>(line)!;
        Assert.Equal(("approved", "Thanks, we fixed your invoice."), (state.Route, state.Reply));
    }

    [Fact]
    public async Task Approving_an_unknown_run_is_a_clear_error()
    {
        var process = await RunHybridAIRaw("review", "approve", "no-such-run", "--work-dir", _interrupted);
        Assert.Equal(HybridAICommand.InputError, process.ExitCode);
        Assert.Contains("no-such-run", process.Output, StringComparison.Ordinal);
    }

    private static async Task<string> RunHybridAI(params string[] args)
    {
        var (exitCode, output) = await RunHybridAIRaw(args);
        Assert.True(exitCode == 0, $"hybridai {string.Join(' ', args)} exited {exitCode}: {output}");
        return output.Trim().Split('\n')[^1];
    }

    private static async Task<(int ExitCode, string Output)> RunHybridAIRaw(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hybridai.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_interrupted, recursive: true);
        Directory.Delete(_uninterrupted, recursive: true);
    }
}
