using System.Globalization;
using System.Text;
using HybridAI.Cli;
using HybridAI.Cli.Tests.Support;

namespace HybridAI.Cli.Tests.Commands;

/// <summary><c>hybridai train --algo gbdt</c> with its boosting flags: they shape the trees, and bad values are clear errors.</summary>
public sealed class TrainBoostingFlagsTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("hybridai-gbdt-flags-").FullName;
    private readonly CliConsole _cli = new();

    private Task<int> Run(params string[] args) => _cli.RunAsync(args);

    [Fact]
    public async Task Trees_and_depth_bound_how_many_distinct_scores_the_model_can_give()
    {
        var csv = await Loans();

        // One stump has two leaves, so two scores at most; three stumps at most 2³; the defaults (100 depth-3 trees) many more.
        Assert.InRange(await DistinctScores(csv, "stump", "--trees", "1", "--max-depth", "1"), 1, 2);
        Assert.InRange(await DistinctScores(csv, "stumps", "--trees", "3", "--max-depth", "1", "--learning-rate", "0.5"), 3, 8);
        Assert.True(await DistinctScores(csv, "default") > 8);
        Assert.True(await DistinctScores(csv, "sampled", "--trees", "20", "--subsample", "0.5", "--feature-subsample", "0.5", "--min-leaf", "20") > 8);
    }

    [Theory]
    [InlineData("--trees", "0", "--trees must be a whole number >= 1 but is 0")]
    [InlineData("--learning-rate", "0", "--learning-rate must be a finite number > 0 but is 0")]
    [InlineData("--max-depth", "17", "--max-depth must be a whole number in 1..16 but is 17")]
    [InlineData("--subsample", "1.5", "--subsample must be a number in (0, 1] but is 1.5")]
    [InlineData("--feature-subsample", "0", "--feature-subsample must be a number in (0, 1] but is 0")]
    [InlineData("--min-leaf", "0", "--min-leaf must be a whole number >= 1 but is 0")]
    public async Task An_out_of_range_flag_is_an_input_error_naming_the_flag(string flag, string value, string message)
    {
        var csv = await Loans();

        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", csv, "--label", "risk", "--algo", "gbdt", flag, value, "--out", _work));

        Assert.Contains(message, _cli.Flat, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "model.hai")));
    }

    [Fact]
    public async Task Boosting_flags_without_gbdt_are_an_input_error()
    {
        var csv = await Loans();

        Assert.Equal(HybridAICommand.InputError, await Run("train", "--data", csv, "--label", "risk", "--max-depth", "4", "--out", _work));

        Assert.Contains("--max-depth sets gradient-boosted trees; add --algo gbdt", _cli.Flat, StringComparison.Ordinal);
    }

    /// <summary>Trains with <paramref name="flags"/>, scores the training file and counts the distinct P(bad) values.</summary>
    private async Task<int> DistinctScores(string csv, string name, params string[] flags)
    {
        var folder = Path.Combine(_work, name);
        Assert.Equal(0, await Run(["train", "--data", csv, "--label", "risk", "--algo", "gbdt", "--folds", "2", .. flags, "--out", folder]));
        var scores = Path.Combine(_work, name + ".csv");
        Assert.Equal(0, await Run("predict", "--model", folder, "--data", csv, "--out", scores));
        var lines = await File.ReadAllLinesAsync(scores);
        var bad = Array.IndexOf(lines[0].Split(','), "p_bad");
        Assert.True(bad > 0, lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')[bad]).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>400 loan rows whose risk follows amount and purpose, with noise.</summary>
    private async Task<string> Loans()
    {
        var random = new Random(5);
        var text = new StringBuilder("amount,income,purpose,risk\n");
        string[] purposes = ["car", "tv", "vacation", "education"];
        for (var i = 0; i < 400; i++)
        {
            var amount = 500 + (random.NextDouble() * 15000);
            var income = 2000 + (random.NextDouble() * 6000);
            var purpose = purposes[random.Next(purposes.Length)];
            var logit = ((amount - 8000) / 3000) - ((income - 5000) / 1500) + (purpose == "vacation" ? 1.5 : 0);
            var risk = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) ? "bad" : "good";
            text.Append(CultureInfo.InvariantCulture, $"{amount:F0},{income:F0},{purpose},{risk}\n");
        }

        var path = Path.Combine(_work, "loans.csv");
        await File.WriteAllTextAsync(path, text.ToString());
        return path;
    }

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_work, recursive: true);
    }
}
