using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tests.Tabular;

/// <summary>
/// Generated loan applications whose risk follows a known rule (high amount, low income and the
/// "vacation" purpose are risky; "car" is safe), with missing values and label noise.
/// </summary>
internal static class SyntheticLoans
{
    private static readonly string?[] Purposes = ["car", "tv", "vacation", "education", null];

    public static TabularData Make(int rows, int seed)
    {
        var random = new Random(seed);
        var income = new double[rows];
        var amount = new double[rows];
        var purpose = new string?[rows];
        var label = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            income[i] = random.NextDouble() < 0.1 ? double.NaN : 2000 + (random.NextDouble() * 6000);
            amount[i] = 500 + (random.NextDouble() * 15000);
            purpose[i] = Purposes[random.Next(Purposes.Length)];
            var logit = ((amount[i] - 8000) / 3000) - ((double.IsNaN(income[i]) ? 5000 : income[i]) - 5000) / 1500
                + (purpose[i] == "vacation" ? 1.5 : 0) - (purpose[i] == "car" ? 1.5 : 0);
            var p = 1 / (1 + Math.Exp(-logit));
            label[i] = random.NextDouble() < p ? "bad" : "good";
        }

        return new TabularData(
            [
                TabularColumn.Numeric("income", income),
                TabularColumn.Numeric("amount", amount),
                TabularColumn.Categorical("purpose", purpose),
                TabularColumn.Categorical("risk", label),
            ],
            labelColumn: "risk");
    }

    public static bool[] IsBad(TabularData data) => data.Labels().Select(l => l == "bad").ToArray();

    /// <summary>Probability of <paramref name="label"/> for every row.</summary>
    public static double[] ProbabilityOf(HybridAI.Classifiers.Tabular.TabularClassifier model, TabularData data, string label)
    {
        var k = model.Labels.Count;
        var c = model.Labels.ToList().IndexOf(label);
        var all = model.PredictProbabilities(data);
        return Enumerable.Range(0, data.RowCount).Select(i => all[(i * k) + c]).ToArray();
    }
}
