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

    private static void TabularScoring()
    {
        var credit = ArffReader.ReadFile(GermanCredit, "class");
        var rows = credit.Select([.. Enumerable.Range(0, 100_000).Select(i => i % credit.RowCount)]);
        foreach (var (name, trainer) in new (string, ITabularTrainer)[]
        {
            ("GBDT (100 trees, depth 3)", new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 42 })),
            ("LR", new TabularLogisticRegressionTrainer()),
        })
        {
            var model = trainer.Train(credit);
            model.PredictProbabilities(rows);
            var sw = Stopwatch.StartNew();
            var reps = 0;
            while (sw.ElapsedMilliseconds < 3000)
            {
                model.PredictProbabilities(rows);
                reps++;
            }

            Console.WriteLine($"{name} scoring, German Credit rows (20 columns, featurisation included), 1 thread: {reps * rows.RowCount / sw.Elapsed.TotalSeconds:N0} rows/s");
        }
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
