using HybridAI.Evaluation.Golden;

namespace HybridAI.Evaluation.Evaluators;

/// <summary>
/// Runs a list of evaluators over the outputs for a golden set and records the set's name, version and content hash
/// with the result. The set is checked first: an example lacking a field the evaluators need fails the run before
/// anything is scored, naming the example id and the field.
/// </summary>
/// <example>
/// <code>
/// GoldenSet set = GoldenSet.LoadJsonl("golden/refunds.jsonl");
/// var evaluators = new IEvaluator&lt;string&gt;[] { new RequiredFactsEvaluator(), new ForbiddenPhrasesEvaluator(["guaranteed"]) };
/// EvaluationReport report = GoldenEvaluation.Run(set, e =&gt; answers[e.Id], evaluators);
/// foreach (var s in report.Summary) Console.WriteLine($"{s.Name}: mean {s.Mean:F2}, pass {s.PassRate:P0}");
/// Console.WriteLine(report.GoldenSet.ContentHash);
/// </code>
/// </example>
public static class GoldenEvaluation
{
    /// <summary>Scores the output of every example with every evaluator, then the set evaluators over all of them.</summary>
    /// <param name="set">The golden set.</param>
    /// <param name="output">The workflow's output for an example (typically looked up from a finished batch run).</param>
    /// <param name="evaluators">Per-output evaluators.</param>
    /// <param name="setEvaluators">Whole-set evaluators; none when null.</param>
    /// <exception cref="InvalidOperationException">An example lacks a field an evaluator needs.</exception>
    public static EvaluationReport Run<TOutput>(
        GoldenSet set,
        Func<GoldenExample, TOutput> output,
        IReadOnlyList<IEvaluator<TOutput>> evaluators,
        IReadOnlyList<ISetEvaluator<TOutput>>? setEvaluators = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(evaluators);
        setEvaluators ??= [];
        GoldenFields required = GoldenSet.RequiredBy(evaluators) | setEvaluators.Aggregate(GoldenFields.None, (all, e) => all | e.Requires);
        foreach (GoldenExample example in set.Examples)
        {
            GoldenFields missing = required & ~example.Expected.Present;
            if (missing != GoldenFields.None)
            {
                throw new InvalidOperationException($"Golden example '{example.Id}' lacks expected field(s) {missing}, which the evaluators need.");
            }
        }

        var pairs = new List<(GoldenExample, TOutput)>(set.Count);
        var examples = new List<ExampleScores>(set.Count);
        foreach (GoldenExample example in set.Examples)
        {
            TOutput produced = output(example);
            pairs.Add((example, produced));
            var scores = new EvaluationScore[evaluators.Count];
            for (int i = 0; i < evaluators.Count; i++)
            {
                scores[i] = evaluators[i].Evaluate(example, produced);
            }

            examples.Add(new ExampleScores(example.Id, scores));
        }

        var setScores = new List<EvaluationScore>();
        foreach (ISetEvaluator<TOutput> evaluator in setEvaluators)
        {
            setScores.AddRange(evaluator.Evaluate(pairs));
        }

        return new EvaluationReport(set.Reference, examples, Summarise(examples), setScores);
    }

    private static List<ScoreSummary> Summarise(List<ExampleScores> examples)
    {
        var order = new List<string>();
        var totals = new Dictionary<string, (double Sum, int Values, int Passed, int Barred, int Count)>(StringComparer.Ordinal);
        foreach (EvaluationScore score in examples.SelectMany(e => e.Scores))
        {
            if (!totals.TryGetValue(score.Name, out var t))
            {
                order.Add(score.Name);
            }

            bool number = !double.IsNaN(score.Value);
            totals[score.Name] = (t.Sum + (number ? score.Value : 0), t.Values + (number ? 1 : 0), t.Passed + (score.Passed == true ? 1 : 0), t.Barred + (score.Passed is null ? 0 : 1), t.Count + 1);
        }

        return [.. order.Select(name =>
        {
            var t = totals[name];
            return new ScoreSummary(name, t.Values == 0 ? double.NaN : t.Sum / t.Values, t.Barred == 0 ? null : t.Passed / (double)t.Barred, t.Count);
        })];
    }
}
