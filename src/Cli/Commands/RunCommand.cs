using System.CommandLine;
using HybridAI.Abstractions.Retrieval;
using HybridAI.Scenarios.TicketTriage;
using Spectre.Console;

namespace HybridAI.Cli.Commands;

/// <summary>
/// <c>hybridai run SCENARIO [--input FILE] [--out FILE] [--retrieval keyword|vector|hybrid] [--embedder word-vectors|hashing]
/// [--model FILE.gguf|DIR | --endpoint URL --endpoint-model NAME [--api-key-env VAR]] [--max-tokens N] [--draft-timeout S]</c>:
/// runs a scenario with a progress bar and a summary; <c>--compare-retrieval</c> measures the three retrieval modes on
/// the golden set instead. With <c>--model</c> or <c>--endpoint</c> an LLM drafts the replies; a draft it fails (after
/// retrying transient failures) falls back to the no-model writer, and the summary counts those by reason.
/// </summary>
internal static class RunCommand
{
    private static readonly Dictionary<string, SearchMode> RetrievalModes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["keyword"] = SearchMode.Keyword,
        ["vector"] = SearchMode.Vector,
        ["hybrid"] = SearchMode.Hybrid,
    };

    private static readonly Dictionary<string, KnowledgeBaseEmbedding> Embedders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["word-vectors"] = KnowledgeBaseEmbedding.WordVectors,
        ["hashing"] = KnowledgeBaseEmbedding.Hashing,
    };

    public static Command Create(IAnsiConsole console)
    {
        var scenario = new Argument<string>("scenario") { Description = "Scenario name (see 'hybridai scenarios')." };
        var input = new Option<string?>("--input") { Description = "JSONL file of tickets; without it the scenario's golden set runs." };
        var output = new Option<string?>("--out") { Description = "JSONL file to write one result per ticket to." };
        var workDir = new Option<string?>("--work-dir") { Description = "Folder for the SQLite files (audit, checkpoints, review queue, KB)." };
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Tickets processed at once.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var retrieval = new Option<string>("--retrieval")
        {
            Description = "How the knowledge base is searched: keyword (BM25), vector (embeddings) or hybrid (both, fused).",
            DefaultValueFactory = _ => "hybrid",
        };
        var embedder = new Option<string>("--embedder")
        {
            Description = "Embedder of vector and hybrid search: hashing (the default; hashed n-grams, any language) or word-vectors (GloVe SIF, English; hashing when the vectors are not fetched).",
            DefaultValueFactory = _ => "hashing",
        };
        var compare = new Option<bool>("--compare-retrieval")
        {
            Description = "Instead of running the workflow, print recall@10, MRR and nDCG@10 of keyword, vector and hybrid search on the golden set.",
        };
        var llm = new RunWriterOptions();
        var command = new Command("run", "Run a scenario end to end on embedded defaults.")
        {
            scenario, input, output, workDir, parallelism, retrieval, embedder, compare,
            llm.Model, llm.Endpoint, llm.EndpointModel, llm.ApiKeyEnv, llm.MaxTokens, llm.DraftTimeout, llm.ContextSize, llm.Threads,
        };
        command.SetAction((parse, ct) =>
        {
            var mode = parse.GetValue(retrieval) ?? "hybrid";
            var embedding = parse.GetValue(embedder) ?? "hashing";
            if (!RetrievalModes.TryGetValue(mode, out var searchMode))
            {
                console.MarkupLineInterpolated($"[red]--retrieval '{mode}' is not a retrieval mode: use keyword, vector or hybrid.[/]");
                return Task.FromResult(HybridAICommand.InputError);
            }

            if (!Embedders.TryGetValue(embedding, out var knowledgeBaseEmbedding))
            {
                console.MarkupLineInterpolated($"[red]--embedder '{embedding}' is not an embedder: use word-vectors or hashing.[/]");
                return Task.FromResult(HybridAICommand.InputError);
            }

            if (parse.GetValue(compare))
            {
                return CompareAsync(console, parse.GetRequiredValue(scenario), new TicketTriageRun
                {
                    Options = new TicketTriageOptions { Retrieval = searchMode, Embedding = knowledgeBaseEmbedding },
                }, ct);
            }

            if (llm.Open(parse, console) is not { } opened)
            {
                return Task.FromResult(HybridAICommand.InputError);
            }

            if (opened.ExitCode != 0)
            {
                return Task.FromResult(opened.ExitCode);
            }

            var run = new TicketTriageRun
            {
                InputPath = parse.GetValue(input),
                OutputPath = parse.GetValue(output),
                WorkDirectory = parse.GetValue(workDir) ?? Path.Combine(".hybridai", TicketTriageScenario.Name),
                MaxParallelism = parse.GetValue(parallelism),
                Options = llm.Configure(new TicketTriageOptions { Retrieval = searchMode, Embedding = knowledgeBaseEmbedding }, parse),
                Writer = opened.Writer,
            };
            return RunOwningWriterAsync(console, parse.GetRequiredValue(scenario), run, ct);
        });
        return command;
    }

    private static async Task<int> RunOwningWriterAsync(IAnsiConsole console, string name, TicketTriageRun run, CancellationToken ct)
    {
        using (run.Writer)
        {
            return await RunAsync(console, name, run, ct).ConfigureAwait(false);
        }
    }

    private static async Task<int> CompareAsync(IAnsiConsole console, string name, TicketTriageRun run, CancellationToken ct)
    {
        if (!ScenarioCatalog.TryFind(name, out _))
        {
            console.MarkupLineInterpolated($"[red]{ScenarioCatalog.UnknownMessage(name)}[/]");
            return HybridAICommand.InputError;
        }

        RetrievalComparisonReport report;
        try
        {
            var data = TicketTriageScenario.LoadData(ScenarioData.Locate(run.DataDirectory));
            report = await RetrievalComparison.RunAsync(data, run.Options, cancellationToken: ct).ConfigureAwait(false);
        }
        catch (DirectoryNotFoundException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return HybridAICommand.InputError;
        }

        RetrievalComparisonTable.Write(console, report);
        return 0;
    }

    private static async Task<int> RunAsync(IAnsiConsole console, string name, TicketTriageRun run, CancellationToken ct)
    {
        if (!ScenarioCatalog.TryFind(name, out _))
        {
            console.MarkupLineInterpolated($"[red]{ScenarioCatalog.UnknownMessage(name)}[/]");
            return HybridAICommand.InputError;
        }

        if (run.MaxParallelism < 1)
        {
            console.MarkupLine("[red]--parallelism must be at least 1.[/]");
            return HybridAICommand.InputError;
        }

        TicketTriageReport report;
        try
        {
            report = await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("ticket-triage", maxValue: 1);
                    var progress = new SynchronousProgress(p =>
                    {
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                        task.Description = $"ticket-triage ({p.Completed} replied, {p.ToReview} to review, {p.Failed} failed)";
                    });
                    var r = await TicketTriageScenario.RunAsync(run, progress, ct).ConfigureAwait(false);
                    task.MaxValue = Math.Max(1, r.Tickets);
                    task.Value = task.MaxValue;
                    return r;
                }).ConfigureAwait(false);
        }
        catch (ScenarioInputException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return HybridAICommand.InputError;
        }
        catch (DirectoryNotFoundException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return HybridAICommand.InputError;
        }

        SummaryTable.Write(console, report, run.OutputPath);
        return report.Processed == 0 ? 1 : 0;
    }

    /// <summary>Reports progress on the caller's thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class SynchronousProgress(Action<TicketTriageProgress> report) : IProgress<TicketTriageProgress>
    {
        private readonly Lock _gate = new();

        public void Report(TicketTriageProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
