using HybridAI.Cli;

using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-cli-").FullName;
    private readonly CliConsole _cli = new();

    private Task<int> Run(params string[] args) => _cli.RunAsync(args);

    [Fact]
    public async Task Scenarios_lists_ticket_triage()
    {
        Assert.Equal(0, await Run("scenarios"));
        Assert.Contains("ticket-triage", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_scenario_is_refused_with_the_known_names()
    {
        Assert.Equal(HybridAICommand.InputError, await Run("run", "no-such-scenario", "--work-dir", _work));
        Assert.Contains("Unknown scenario 'no-such-scenario'", _cli.Output, StringComparison.Ordinal);
        Assert.Contains("ticket-triage", _cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_input_file_is_a_clear_error()
    {
        var missing = Path.Combine(_work, "nope.jsonl");
        Assert.Equal(HybridAICommand.InputError, await Run("run", "ticket-triage", "--input", missing, "--work-dir", _work));
        Assert.Contains("not found", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_input_file_is_a_clear_error()
    {
        var empty = Path.Combine(_work, "empty.jsonl");
        await File.WriteAllTextAsync(empty, "");
        Assert.Equal(HybridAICommand.InputError, await Run("run", "ticket-triage", "--input", empty, "--work-dir", _work));
        Assert.Contains("empty", _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_line_is_reported_with_file_and_line_and_the_rest_is_processed()
    {
        var input = Path.Combine(_work, "tickets.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"X1","subject":"Refund please","body":"I returned the shoes last week and still have no refund.","category":"refund","priority":"normal"}""",
            """{"id":"X2","subject":"broken json", "body": """,
            """{"id":"X3","subject":"Mot de passe","body":"Je n'arrive plus à me connecter à mon compte, mot de passe oublié.","category":"account-access","priority":"normal"}""",
        ]);
        var results = Path.Combine(_work, "results.jsonl");
        Assert.Equal(0, await Run("run", "ticket-triage", "--input", input, "--out", results, "--work-dir", _work));
        var text = _cli.Flat;
        Assert.Contains("tickets.jsonl:2: not valid JSON", text, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(results);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"X1\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"X3\"", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Golden_run_prints_the_summary_table()
    {
        Assert.Equal(0, await Run("run", "ticket-triage", "--work-dir", _work));
        var text = _cli.Flat;
        Assert.Contains("routed to review", text, StringComparison.Ordinal);
        Assert.Contains("category accuracy", text, StringComparison.Ordinal);
        Assert.Contains("p95", text, StringComparison.Ordinal);
        Assert.Contains("retrieve-kb", text, StringComparison.Ordinal);
        Assert.Matches(@"retrieval\s*│\s*hybrid \(", text);
    }

    [Fact]
    public async Task Retrieval_option_chooses_the_mode_and_the_summary_states_it()
    {
        var input = Path.Combine(_work, "tickets.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"id":"X1","subject":"Refund please","body":"I returned the doorbell last week and still have no refund.","category":"refund","priority":"normal"}""",
        ]);
        Assert.Equal(0, await Run("run", "ticket-triage", "--input", input, "--work-dir", _work, "--retrieval", "keyword"));
        Assert.Matches(@"retrieval\s*│\s*keyword \(none \(keyword only\)\)", _cli.Flat);

        Assert.Equal(0, await Run("run", "ticket-triage", "--input", input, "--work-dir", _work, "--retrieval", "Vector", "--embedder", "hashing"));
        Assert.Matches(@"retrieval\s*│\s*vector \(hashing-", _cli.Flat);
    }

    [Theory]
    [InlineData("--retrieval", "semantic", "--retrieval 'semantic' is not a retrieval mode: use keyword, vector or hybrid.")]
    [InlineData("--embedder", "glove", "--embedder 'glove' is not an embedder: use word-vectors or hashing.")]
    public async Task Unknown_retrieval_mode_or_embedder_is_refused_naming_the_choices(string option, string value, string message)
    {
        Assert.Equal(HybridAICommand.InputError, await Run("run", "ticket-triage", "--work-dir", _work, option, value));
        Assert.Contains(message, _cli.Flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_retrieval_prints_the_three_modes_side_by_side()
    {
        Assert.Equal(0, await Run("run", "ticket-triage", "--compare-retrieval", "--embedder", "hashing"));
        var text = _cli.Flat;
        Assert.Contains("106 golden tickets", text, StringComparison.Ordinal);
        Assert.Contains("recall@10", text, StringComparison.Ordinal);
        Assert.Contains("nDCG@10", text, StringComparison.Ordinal);
        var rows = _cli.Output.Split('\n').Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"(keyword|vector|hybrid)\s*│\s*[01]\.\d{3}")).ToList();
        Assert.Equal(3, rows.Count);
        Assert.False(Directory.EnumerateFileSystemEntries(_work).Any(), "a comparison writes nothing to the work folder");
    }


    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _cli.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
