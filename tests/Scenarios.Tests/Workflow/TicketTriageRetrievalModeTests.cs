using HybridAI.Abstractions.Retrieval;
using HybridAI.Scenarios.TicketTriage;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HybridAI.Scenarios.Tests.Workflow;

/// <summary>The scenario under each retrieval mode: the golden-set quality holds, and the mode used is recorded.</summary>
public sealed class TicketTriageRetrievalModeTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-retrieval-mode-").FullName;

    [Theory]
    [InlineData(SearchMode.Keyword, KnowledgeBaseEmbedding.WordVectors)]
    [InlineData(SearchMode.Vector, KnowledgeBaseEmbedding.WordVectors)]
    [InlineData(SearchMode.Hybrid, KnowledgeBaseEmbedding.Hashing)]
    public async Task Golden_set_keeps_its_quality_and_every_retrieve_step_records_the_mode(SearchMode mode, KnowledgeBaseEmbedding embedding)
    {
        var report = await TicketTriageScenario.RunAsync(new TicketTriageRun
        {
            WorkDirectory = _work,
            MaxParallelism = 2,
            Options = new TicketTriageOptions { Retrieval = mode, Embedding = embedding },
        });

        output.WriteLine($"{mode}/{report.Retrieval.Embedder}: auto {report.AutoReplied}, review {report.RoutedToReview}, category macro-F1 {report.CategoryQuality!.MacroF1:F3}");
        Assert.Equal(mode, report.Retrieval.Mode);
        Assert.Empty(report.Failures);
        Assert.Equal(report.Tickets, report.AutoReplied + report.RoutedToReview);
        Assert.True(report.AutoReplied > 0, "some tickets are answered automatically");
        Assert.True(report.CategoryQuality.MacroF1 > report.CategoryQuality.BaselineMacroF1 + 0.3);
        if (mode == SearchMode.Keyword)
        {
            Assert.Equal("none (keyword only)", report.Retrieval.Embedder);
            Assert.True(File.Exists(Path.Combine(_work, "kb.db")));
        }
        else
        {
            Assert.NotEqual("none (keyword only)", report.Retrieval.Embedder);
            Assert.Single(Directory.GetFiles(_work, "kb.*.db"));
        }

        if (embedding == KnowledgeBaseEmbedding.Hashing)
        {
            Assert.StartsWith("hashing-", report.Retrieval.Embedder, StringComparison.Ordinal);
            Assert.Null(report.Retrieval.Notice);
        }

        SqliteConnection.ClearAllPools();
        using var db = new SqliteConnection($"Data Source={Path.Combine(_work, "audit.db")};Mode=ReadOnly");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT outcome FROM audit_events WHERE step = 'retrieve-kb' AND outcome IS NOT NULL";
        var outcomes = new List<string>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                outcomes.Add(r.GetString(0));
            }
        }

        Assert.Equal(report.Tickets, outcomes.Count);
        Assert.All(outcomes, o => Assert.StartsWith($"mode={mode.ToString().ToLowerInvariant()} hits=", o, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_workflow_asking_for_hybrid_search_refuses_components_made_for_keyword_search()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        await using var components = await TicketTriageComponents.CreateAsync(data, _work, options: new TicketTriageOptions { Retrieval = SearchMode.Keyword });

        var ex = Assert.Throws<ArgumentException>(() => TicketTriageWorkflow.Build(components, new TicketTriageOptions { Retrieval = SearchMode.Hybrid }));
        Assert.Contains("Hybrid retrieval needs a knowledge base with an embedder", ex.Message, StringComparison.Ordinal);
        Assert.Equal(SearchMode.Keyword, components.Retrieval);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_work, recursive: true);
    }
}
