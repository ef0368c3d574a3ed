using System.Runtime.CompilerServices;
using System.Text.Json;
using HybridAI.Classifiers;
using HybridAI.Governance.Audit;
using HybridAI.Governance.Review;
using HybridAI.Orchestrator;
using HybridAI.Scenarios.TicketTriage.Data;
using HybridAI.Scenarios.TicketTriage.Data.Files;

namespace HybridAI.Scenarios.TicketTriage;

/// <summary>
/// Runs scenario 01 over a batch of tickets and reports what happened.
/// </summary>
/// <example>
/// <code>
/// var report = await TicketTriageScenario.RunAsync(new TicketTriageRun { OutputPath = "results.jsonl" });
/// Console.WriteLine($"{report.AutoReplied} answered, {report.RoutedToReview} sent to review");
/// </code>
/// </example>
public static class TicketTriageScenario
{
    /// <summary>The scenario's name on the command line.</summary>
    public const string Name = "ticket-triage";

    /// <summary>The role a decision without one is recorded under (the review gate lets any reviewer decide).</summary>
    public const string DefaultRole = "reviewer";

    /// <summary>One line for scenario listings.</summary>
    public const string Description =
        "Classify support tickets (category, priority), retrieve KB articles, draft a cited reply, mask PII, audit, route urgent or unsure tickets to review.";

    /// <summary>Runs the workflow over the run's input (or the golden set) and returns the report.</summary>
    /// <exception cref="ScenarioInputException">The input is missing or holds no readable ticket.</exception>
    public static async Task<TicketTriageReport> RunAsync(
        TicketTriageRun run, IProgress<TicketTriageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var dataDirectory = ScenarioData.Locate(run.DataDirectory);
        var data = LoadData(dataDirectory);
        var (tickets, inputErrors) = ReadInput(run.InputPath, data);

        var options = run.Options ?? new TicketTriageOptions();
        await using var components = await TicketTriageComponents.CreateAsync(data, run.WorkDirectory, run.Writer, options, cancellationToken)
            .ConfigureAwait(false);
        var workflow = TicketTriageWorkflow.Build(components, options);
        var runner = new WorkflowRunner(checkpoints: components.Checkpoints);

        await using var output = run.OutputPath is null ? null : new ResultWriter(run.OutputPath);
        var tally = new Tally(workflow.Steps.Select(s => s.Name));
        var started = TimeProvider.System.GetTimestamp();
        var index = 0;
        await foreach (var result in runner.RunBatchAsync(workflow, ToStates(tickets, cancellationToken),
            new BatchOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, run.MaxParallelism),
                Progress = progress is null ? null : new ProgressAdapter(progress, tickets.Count),
            }, cancellationToken)
            .ConfigureAwait(false))
        {
            var ticket = tickets[index++];
            tally.Add(ticket, result);
            if (output is not null)
            {
                await output.WriteAsync(ticket, result).ConfigureAwait(false);
            }
        }

        await components.Audit.FlushAsync(cancellationToken).ConfigureAwait(false);
        var trainCategories = data.Train.Select(t => t.Category).ToList();
        var trainPriorities = data.Train.Select(t => t.Priority).ToList();
        return tally.ToReport(inputErrors, TimeProvider.System.GetElapsedTime(started), trainCategories, trainPriorities) with
        {
            Retrieval = new RetrievalSetup(options.Retrieval, components.Embedder, components.RetrievalNotice),
            Writer = WriterName(run.Writer),
        };
    }

    private static string WriterName(Microsoft.Extensions.AI.IChatClient? writer)
    {
        if (writer is null)
        {
            return TicketTriageReport.NoModelWriter;
        }

        var metadata = writer.GetService(typeof(Microsoft.Extensions.AI.ChatClientMetadata)) as Microsoft.Extensions.AI.ChatClientMetadata;
        var provider = metadata?.ProviderName ?? writer.GetType().Name;
        return metadata?.DefaultModelId is { } model ? $"{provider} {model}, falls back to grounded" : $"{provider}, falls back to grounded";
    }

    /// <summary>
    /// Applies a reviewer's decision to a run suspended at the review gate and finishes it; works from any
    /// process that sees the same work folder (the run's state comes from the SQLite checkpoint).
    /// </summary>
    /// <param name="workDirectory">The work folder of the run.</param>
    /// <param name="runId">The suspended run.</param>
    /// <param name="decision">The reviewer's decision.</param>
    /// <param name="dataDirectory">The scenario's data folder; null finds it.</param>
    /// <param name="options">The options the run was started with; null: the defaults.</param>
    /// <param name="cancellationToken">Stops the resume.</param>
    /// <exception cref="KeyNotFoundException">No run with this id waits for review.</exception>
    /// <exception cref="ReviewAlreadyDecidedException">Someone decided the review first.</exception>
    /// <exception cref="ArgumentException">The decision edits a field other than <see cref="TicketState.Reply"/>.</exception>
    public static async Task<RunResult<TicketState>> ResumeAsync(
        string workDirectory, string runId, GateDecision decision, string? dataDirectory = null, TicketTriageOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var data = LoadData(ScenarioData.Locate(dataDirectory));
        options ??= new TicketTriageOptions();
        await using var components = await TicketTriageComponents.CreateAsync(data, workDirectory, options: options, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        var workflow = TicketTriageWorkflow.Build(components, options);
        var runner = new WorkflowRunner(checkpoints: components.Checkpoints);
        // Claim the review first (exactly one of several deciders wins), then finish the run with the recorded decision.
        var reviewer = new Reviewer(decision.Reviewer, decision.Role ?? DefaultRole);
        await components.Reviews.DecideAsync(runId, reviewer, decision.Approved, decision.Comment, decision.Edits, cancellationToken).ConfigureAwait(false);
        var result = await components.Reviews.ResumeAsync(runner, workflow, runId, cancellationToken).ConfigureAwait(false);
        await components.Audit.FlushAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Reads the scenario's own data set; any unreadable line there is a broken installation, not bad user input.</summary>
    public static TicketDataSet LoadData(string dataDirectory)
    {
        var read = TicketDataReader.ReadDataSet(dataDirectory);
        if (read.Errors.Count > 0)
        {
            throw new InvalidDataException($"Scenario data in {dataDirectory} is damaged: {string.Join("; ", read.Errors)}");
        }

        return read.Records[0];
    }

    private static (List<TicketRecord> Tickets, List<string> Errors) ReadInput(string? path, TicketDataSet data)
    {
        if (path is null)
        {
            return ([.. data.Golden], []);
        }

        if (!File.Exists(path))
        {
            throw new ScenarioInputException($"Input file not found: {path}");
        }

        var read = TicketDataReader.ReadInputTickets(path);
        var errors = read.Errors.Select(e => e.ToString()).ToList();
        if (read.Records.Count == 0)
        {
            throw new ScenarioInputException(errors.Count == 0
                ? $"No tickets in {path}: the file is empty."
                : $"No readable ticket in {path}; {errors.Count} line(s) failed, first: {errors[0]}");
        }

        return ([.. read.Records], errors);
    }

    private static async IAsyncEnumerable<TicketState> ToStates(
        List<TicketRecord> tickets, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var t in tickets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new TicketState { Id = t.Id, Subject = t.Subject, Body = t.Body };
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private sealed class ProgressAdapter(IProgress<TicketTriageProgress> inner, int total) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => inner.Report(new TicketTriageProgress(total, value.Completed, value.Suspended, value.Failed));
    }

    private sealed class ResultWriter(string path) : IAsyncDisposable
    {
        private readonly StreamWriter _writer = CreateWriter(path);

        private static StreamWriter CreateWriter(string path)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            return new StreamWriter(path, append: false) { NewLine = "\n" };
        }

        public async Task WriteAsync(TicketRecord ticket, RunResult<TicketState> result)
        {
            var s = result.State;
            var line = JsonSerializer.Serialize(new
            {
                id = ticket.Id,
                status = result.Status.ToString().ToLowerInvariant(),
                category = s?.Category,
                category_confidence = s is null ? 0 : Math.Round(s.CategoryConfidence, 4),
                priority = s?.Priority,
                priority_confidence = s is null ? 0 : Math.Round(s.PriorityConfidence, 4),
                route = s?.Route,
                review_reason = s?.ReviewReason,
                grounded = s?.Grounded ?? false,
                reply = s?.Reply,
                sources = s?.Evidence.Select(e => e.Source).Distinct().ToArray() ?? [],
                error = result.Error?.Message,
            });
            await _writer.WriteLineAsync(line).ConfigureAwait(false);
        }

        public ValueTask DisposeAsync() => _writer.DisposeAsync();
    }

    private sealed class Tally(IEnumerable<string> steps)
    {
        private readonly List<string> _steps = [.. steps];
        private readonly Dictionary<string, List<TimeSpan>> _latencies = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _perCategory = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _fallbacks = new(StringComparer.Ordinal);
        private readonly List<string> _failures = [];
        private readonly List<(string Expected, string Predicted)> _category = [];
        private readonly List<(string Expected, string Predicted)> _priority = [];
        private const string FallbackPrefix = "fallback after ";
        private int _tickets, _processed, _auto, _review;

        public void Add(TicketRecord ticket, RunResult<TicketState> result)
        {
            _tickets++;
            foreach (var step in result.Steps)
            {
                if (!_latencies.TryGetValue(step.Step, out var list))
                {
                    _latencies[step.Step] = list = [];
                }

                list.Add(step.Elapsed);
                if (step.Outcome is { } outcome && outcome.StartsWith(FallbackPrefix, StringComparison.Ordinal))
                {
                    var reason = outcome[FallbackPrefix.Length..];
                    _fallbacks[reason] = _fallbacks.GetValueOrDefault(reason) + 1;
                }
            }

            if (result.Status is RunStatus.Failed or RunStatus.Cancelled)
            {
                _failures.Add(result.Error?.Message ?? $"run {result.RunId} {result.Status}");
                return;
            }

            _processed++;
            if (result.Status == RunStatus.Suspended)
            {
                _review++;
            }
            else
            {
                _auto++;
            }

            var s = result.State;
            var category = s.Category ?? "(none)";
            _perCategory[category] = _perCategory.GetValueOrDefault(category) + 1;
            if (!string.IsNullOrEmpty(ticket.Category))
            {
                _category.Add((ticket.Category, category));
            }

            if (!string.IsNullOrEmpty(ticket.Priority))
            {
                _priority.Add((ticket.Priority, s.Priority ?? "(none)"));
            }
        }

        public TicketTriageReport ToReport(List<string> inputErrors, TimeSpan elapsed, List<string> trainCategories, List<string> trainPriorities) => new()
        {
            Tickets = _tickets,
            Processed = _processed,
            AutoReplied = _auto,
            RoutedToReview = _review,
            Failures = _failures,
            InputErrors = inputErrors,
            PerCategory = _perCategory,
            Fallbacks = _fallbacks,
            CategoryQuality = Quality(_category, trainCategories),
            PriorityQuality = Quality(_priority, trainPriorities),
            StepLatencies = [.. _steps.Where(_latencies.ContainsKey).Select(s => Latency(s, _latencies[s]))],
            Elapsed = elapsed,
        };

        private static LabelQuality? Quality(List<(string Expected, string Predicted)> pairs, List<string> trainLabels)
        {
            if (pairs.Count == 0)
            {
                return null;
            }

            var expected = pairs.Select(p => p.Expected).ToList();
            var labels = expected.Concat(pairs.Select(p => p.Predicted)).Concat(trainLabels).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var metrics = ClassificationMetrics.Compute(expected, [.. pairs.Select(p => p.Predicted)], labels);
            var baseline = ClassificationMetrics.MajorityBaseline(trainLabels, expected, labels);
            return new LabelQuality(metrics.Accuracy, metrics.MacroF1, baseline.MacroF1, pairs.Count);
        }

        private static StepLatency Latency(string step, List<TimeSpan> values)
        {
            values.Sort();
            return new StepLatency(step, values.Count, Percentile(values, 0.50), Percentile(values, 0.95));
        }

        private static TimeSpan Percentile(List<TimeSpan> sorted, double p) =>
            sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>The scenario's input cannot be used (missing, empty, nothing readable). The message says why.</summary>
public sealed class ScenarioInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioInputException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScenarioInputException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScenarioInputException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
