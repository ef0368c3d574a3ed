using System.Diagnostics;
using HybridAI.Classifiers;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;
using HybridAI.Scenarios.TicketTriage;
using HybridAI.Scenarios.TicketTriage.Data;

namespace HybridAI.Benchmarks;

/// <summary>
/// Single-thread scoring throughput of the trained classifiers, and logistic-regression training time:
/// text LR over short texts (featurisation included), GBDT and LR over German Credit rows (20 columns,
/// featurisation included), and LR training on 100k ticket texts.
/// </summary>
internal static class ClassifierThroughput
{
    private const string GermanCredit = "/usr/share/doc/weka/examples/credit-g.arff";

    public static void Run()
    {
        var data = TicketTriageScenario.LoadData(ScenarioData.Locate());
        TextScoring(data);
        if (File.Exists(GermanCredit))
        {
            TabularScoring();
        }
        else
        {
            Console.WriteLine($"tabular scoring: skipped, {GermanCredit} is missing (eng/setup-system.sh installs it)");
        }

        TextTraining(data);
    }

    private static void TextScoring(TicketDataSet data)
    {
        var model = TextClassifier.Train(data.Train.Select(t => (t.Subject + "\n" + t.Body, t.Category)));
        // Short texts: ticket subjects (3-8 words).
        var texts = data.Train.Concat(data.Golden).Select(t => t.Subject).ToArray();
        foreach (var t in texts)
        {
            model.Classify(t, 0);
        }

        var n = 0;
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 3000)
        {
            foreach (var t in texts)
            {
                model.Classify(t, 0);
            }

            n += texts.Length;
        }

        Console.WriteLine($"text LR scoring, short texts (featurisation included), 1 thread: {n / sw.Elapsed.TotalSeconds:N0} texts/s");
    }

    /// <summary>The tabular figures alone (bench mode "tabular"): quick to repeat on a shared machine.</summary>
    public static void RunTabular()
    {
        if (!File.Exists(GermanCredit))
        {
            Console.WriteLine($"tabular scoring: skipped, {GermanCredit} is missing (eng/setup-system.sh installs it)");
            return;
        }

        TabularScoring();
    }

    private static void TabularScoring()
    {
        var credit = ArffReader.ReadFile(GermanCredit, "class");
        var rows = credit.Select([.. Enumerable.Range(0, 100_000).Select(i => i % credit.RowCount)]);

        // The same rows as a caller holding names would build them: categorical columns from strings, coded when scored.
        var names = rows.Columns.Select(c => c.Kind == TabularColumnKind.Numeric ? (object)c.Numbers.ToArray() : c.Categories.ToArray()).ToArray();
        foreach (var (name, trainer) in new (string, ITabularTrainer)[]
        {
            ("GBDT (100 trees, depth 3)", new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 42 })),
            ("LR", new TabularLogisticRegressionTrainer()),
        })
        {
            var model = trainer.Train(credit);
            var buffer = new double[rows.RowCount * model.Labels.Count];
            Report($"{name} scoring, German Credit rows (20 columns, featurisation included), 1 thread", rows.RowCount, () => model.PredictProbabilities(rows));
            Report($"{name} scoring into a reused buffer, 1 thread", rows.RowCount, () => model.PredictProbabilities(rows, buffer));
            Report($"{name} scoring from category names (table built from strings per batch, coding included), 1 thread", rows.RowCount, () =>
            {
                var columns = new TabularColumn[names.Length];
                for (var c = 0; c < columns.Length; c++)
                {
                    columns[c] = names[c] is double[] numbers
                        ? TabularColumn.Numeric(rows.Columns[c].Name, numbers)
                        : TabularColumn.Categorical(rows.Columns[c].Name, (string?[])names[c]);
                }

                model.PredictProbabilities(new TabularData(columns), buffer);
            });
        }
    }

    /// <summary>
    /// Runs <paramref name="score"/> (one batch of <paramref name="rows"/> rows) for 3 s after a warm-up and prints rows/s of
    /// wall time and of this process's CPU time: on a shared machine the second is the one other processes inflate less.
    /// </summary>
    private static void Report(string what, int rows, Action score)
    {
        score();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var reps = 0;
        while (sw.ElapsedMilliseconds < 3000)
        {
            score();
            reps++;
        }

        var wall = sw.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine($"{what}: {reps * rows / wall:N0} rows/s ({reps * rows / cpu.TotalSeconds:N0} rows per CPU-second)");
    }

    private static void TextTraining(TicketDataSet data)
    {
        // 100k texts: the scenario's tickets with their numbers varied, so the vocabulary keeps growing as in real data.
        var source = data.Train.Concat(data.Golden).ToArray();
        var examples = new List<(string, string)>(100_000);
        for (var i = 0; i < 100_000; i++)
        {
            var t = source[i % source.Length];
            examples.Add(($"{t.Subject} #{i % 997}\n{t.Body}", t.Category));
        }

        var sw = Stopwatch.StartNew();
        var model = TextClassifier.Train(examples);
        Console.WriteLine($"text LR training on 100k texts (hashed word 1-2 + char 3-5 grams, TF-IDF, L-BFGS): {sw.Elapsed.TotalSeconds:F1} s ({model.Labels.Count} labels)");
    }
}
