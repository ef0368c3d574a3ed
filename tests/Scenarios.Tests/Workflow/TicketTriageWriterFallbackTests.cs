using System.Net;
using System.Net.Sockets;
using HybridAI.Generators.Endpoints;
using HybridAI.Governance.Audit;
using HybridAI.Scenarios.TicketTriage;
using Microsoft.Data.Sqlite;

namespace HybridAI.Scenarios.Tests.Workflow;

/// <summary>Scenario 01 with an LLM writer nobody serves: every ticket still gets the grounded draft, counted in the report and audited with the reason.</summary>
public sealed class TicketTriageWriterFallbackTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-scenario-writer-").FullName;

    [Fact]
    public async Task An_unreachable_llm_falls_back_to_the_grounded_writer_and_the_audit_says_why()
    {
        var input = Path.Combine(_work, "tickets.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"F1","subject":"Refund please","body":"I returned the shoes last week and still have no refund."}""",
        ]);
        var dead = new Uri($"http://127.0.0.1:{FreePort()}/v1");
        using var llm = new OpenAIEndpoint { BaseUrl = dead, Model = "m" }.CreateChatClient();
        var options = new TicketTriageOptions { Retrieval = HybridAI.Abstractions.Retrieval.SearchMode.Keyword, DraftRetryDelay = TimeSpan.FromMilliseconds(1) };

        var withLlm = await TicketTriageScenario.RunAsync(new TicketTriageRun
        {
            InputPath = input, OutputPath = Path.Combine(_work, "llm.jsonl"), WorkDirectory = Path.Combine(_work, "llm"), MaxParallelism = 1, Writer = llm, Options = options,
        });
        var grounded = await TicketTriageScenario.RunAsync(new TicketTriageRun
        {
            InputPath = input, OutputPath = Path.Combine(_work, "grounded.jsonl"), WorkDirectory = Path.Combine(_work, "grounded"), MaxParallelism = 1, Options = options,
        });

        Assert.Empty(withLlm.Failures);
        Assert.Equal(1, withLlm.FellBack);
        var reason = $"endpoint unreachable ({dead.Authority}, ConnectionRefused)";
        Assert.Equal(reason, Assert.Single(withLlm.Fallbacks).Key);
        Assert.Equal("openai m, falls back to grounded", withLlm.Writer);
        Assert.Equal(0, grounded.FellBack);
        Assert.Equal(await File.ReadAllLinesAsync(Path.Combine(_work, "grounded.jsonl")), await File.ReadAllLinesAsync(Path.Combine(_work, "llm.jsonl")));

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_work, "llm", "audit.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT run_id FROM audit_events WHERE event = 'StepFellBack'";
        var runId = (string)(await query.ExecuteScalarAsync())!;
        var events = await new SqliteAuditLogReader(Path.Combine(_work, "llm", "audit.db")).ReadAsync(runId);
        var fellBack = Assert.Single(events, e => e.EventType == AuditEventType.StepFellBack);
        // The scenario's audit masks personal data, and an IP address counts as such: the port and the cause remain.
        Assert.Equal(("draft-reply", $"endpoint unreachable (<IP_ADDRESS>:{dead.Port}, ConnectionRefused) after 3 attempts"), (fellBack.Step, fellBack.Outcome));
    }

    private sealed class SqliteAuditLogReader(string path)
    {
        public async Task<IReadOnlyList<AuditEvent>> ReadAsync(string runId)
        {
            await using var log = new SqliteAuditLog(path);
            return await log.ReadAsync(runId);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing must not fail a test that passed.
        }
    }
}
