using System.CommandLine;
using System.Globalization;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Cli.Commands;

/// <summary>
/// The gradient-boosting settings of <c>hybridai train --algo gbdt</c>: <c>--trees</c>, <c>--learning-rate</c>,
/// <c>--max-depth</c>, <c>--subsample</c>, <c>--feature-subsample</c>, <c>--min-leaf</c>; each left out keeps the
/// trainer's default. Checked here so an error names the flag the user typed rather than an options property.
/// </summary>
internal sealed class BoostingFlags
{
    private readonly Option<int?> _trees = new("--trees") { Description = "GBDT: boosting rounds (default 100)." };
    private readonly Option<double?> _learningRate = new("--learning-rate") { Description = "GBDT: shrinkage of each tree, > 0 (default 0.1)." };
    private readonly Option<int?> _maxDepth = new("--max-depth") { Description = "GBDT: depth of each tree, 1..16 (default 3)." };
    private readonly Option<double?> _subsample = new("--subsample") { Description = "GBDT: share of rows each round trains on, in (0, 1] (default 1)." };
    private readonly Option<double?> _featureSubsample = new("--feature-subsample") { Description = "GBDT: share of features each tree may split on, in (0, 1] (default 1)." };
    private readonly Option<int?> _minLeaf = new("--min-leaf") { Description = "GBDT: fewest training rows in a leaf, >= 1 (default 5)." };

    public IEnumerable<Option> Options => [_trees, _learningRate, _maxDepth, _subsample, _featureSubsample, _minLeaf];

    /// <summary>The flags as given on one command line.</summary>
    public Values Read(ParseResult parse) => new(
        parse.GetValue(_trees), parse.GetValue(_learningRate), parse.GetValue(_maxDepth),
        parse.GetValue(_subsample), parse.GetValue(_featureSubsample), parse.GetValue(_minLeaf));

    /// <summary>The given values; null where a flag was left out.</summary>
    internal sealed record Values(int? Trees, double? LearningRate, int? MaxDepth, double? Subsample, double? FeatureSubsample, int? MinLeaf)
    {
        /// <summary>The first flag given, or null when none was: they only mean something to <c>--algo gbdt</c>.</summary>
        public string? FirstGiven =>
            Trees is not null ? "--trees"
            : LearningRate is not null ? "--learning-rate"
            : MaxDepth is not null ? "--max-depth"
            : Subsample is not null ? "--subsample"
            : FeatureSubsample is not null ? "--feature-subsample"
            : MinLeaf is not null ? "--min-leaf"
            : null;

        /// <summary>The trainer's options: defaults overridden by the given flags.</summary>
        /// <exception cref="ArgumentException">A value is out of range; the message names the flag and its range.</exception>
        public GradientBoostingOptions ToOptions(int seed)
        {
            var defaults = new GradientBoostingOptions();
            var options = defaults with
            {
                Seed = seed,
                Estimators = Check("--trees", Trees, defaults.Estimators, t => t >= 1, "a whole number >= 1"),
                LearningRate = Check("--learning-rate", LearningRate, defaults.LearningRate, r => r > 0 && double.IsFinite(r), "a finite number > 0"),
                MaxDepth = Check("--max-depth", MaxDepth, defaults.MaxDepth, d => d is >= 1 and <= 16, "a whole number in 1..16"),
                Subsample = Check("--subsample", Subsample, defaults.Subsample, s => s > 0 && s <= 1, "a number in (0, 1]"),
                FeatureSubsample = Check("--feature-subsample", FeatureSubsample, defaults.FeatureSubsample, s => s > 0 && s <= 1, "a number in (0, 1]"),
                MinSamplesPerLeaf = Check("--min-leaf", MinLeaf, defaults.MinSamplesPerLeaf, m => m >= 1, "a whole number >= 1"),
            };
            options.Validate();
            return options;
        }

        private static T Check<T>(string flag, T? given, T fallback, Func<T, bool> valid, string range)
            where T : struct, IFormattable
        {
            if (given is not { } value)
            {
                return fallback;
            }

            return valid(value)
                ? value
                : throw new ArgumentException($"{flag} must be {range} but is {value.ToString(null, CultureInfo.InvariantCulture)}.");
        }
    }
}
