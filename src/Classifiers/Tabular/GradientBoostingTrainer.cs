using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tabular;

/// <summary>
/// Trains gradient-boosted decision trees: logistic loss for two labels, softmax for more;
/// depth-limited trees, histogram split finding over quantile bins, optional row subsampling.
/// Deterministic for a given seed. Numeric columns are used unscaled (missing → training mean),
/// categorical ones one-hot.
/// </summary>
/// <example>
/// <code>
/// var trainer = new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 200, LearningRate = 0.05 });
/// TabularClassifier model = trainer.Train(ArffReader.ReadFile("credit-g.arff"));
/// Classification c = model.Classify(applicant);
/// </code>
/// </example>
public sealed class GradientBoostingTrainer : ITabularTrainer
{
    private static readonly TabularFeaturizerOptions RawFeatures = new() { Standardize = false };
    private readonly GradientBoostingOptions _options;

    /// <summary>Creates a trainer; null options mean defaults.</summary>
    public GradientBoostingTrainer(GradientBoostingOptions? options = null)
    {
        _options = options ?? new GradientBoostingOptions();
        _options.Validate();
    }

    /// <inheritdoc />
    public TabularClassifier Train(TabularData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var targets = TabularTargets.From(data, _options.ClassWeighting, _options.ClassWeights);
        var featurizer = TabularFeaturizer.Fit(data, RawFeatures);
        var matrix = featurizer.Transform(data);
        var model = Fit(matrix, featurizer.Dimension, targets);
        return new TabularClassifier(featurizer, targets.Labels, model);
    }

    private TreeEnsemble Fit(double[] matrix, int d, TabularTargets targets)
    {
        var n = targets.Targets.Length;
        var k = targets.Labels.Length;
        var binary = k == 2;
        var outputs = binary ? 1 : k;
        var bins = FeatureBins.Build(matrix, n, d, _options.MaxBins);
        var grower = new TreeGrower(bins, d, _options);
        var y = targets.Targets;
        var w = targets.Weights;

        var baseMargins = BaseMargins(targets, k);
        var margins = new double[n * k];
        for (var i = 0; i < n; i++)
        {
            baseMargins.CopyTo(margins, i * k);
        }

        var roots = new List<int>();
        var treeClass = new List<int>();
        var g = new double[n];
        var h = new double[n];
        var p = new double[n * k];
        var rows = new int[n];
        var all = new int[n];
        for (var i = 0; i < n; i++)
        {
            all[i] = i;
        }

        var random = new Random(_options.Seed);
        var sampleSize = Math.Max(1, (int)(n * _options.Subsample));
        var columns = new int[d];
        for (var f = 0; f < d; f++)
        {
            columns[f] = f;
        }

        var featureCount = Math.Max(1, (int)Math.Round(d * _options.FeatureSubsample));
        var features = featureCount < d ? new int[featureCount] : columns;
        for (var round = 0; round < _options.Estimators; round++)
        {
            for (var i = 0; i < n; i++)
            {
                var row = p.AsSpan(i * k, k);
                margins.AsSpan(i * k, k).CopyTo(row);
                Softmax.Normalize(row);
            }

            if (sampleSize < n)
            {
                random.Shuffle(all);
            }

            for (var o = 0; o < outputs; o++)
            {
                var c = binary ? 1 : o;
                for (var i = 0; i < n; i++)
                {
                    var pc = p[(i * k) + c];
                    g[i] = w[i] * (pc - (y[i] == c ? 1d : 0d));
                    h[i] = w[i] * Math.Max(pc * (1 - pc), 1e-16);
                }

                Array.Copy(all, rows, sampleSize);
                if (featureCount < d)
                {
                    // Ascending order keeps the first-best split (ties go to the lower column) independent of the draw order.
                    random.Shuffle(columns);
                    Array.Copy(columns, features, featureCount);
                    Array.Sort(features);
                }

                var root = grower.Grow(rows, sampleSize, g, h, features);
                roots.Add(root);
                treeClass.Add(c);
                var feature = grower.Feature;
                var threshold = grower.Threshold;
                for (var i = 0; i < n; i++)
                {
                    var node = root;
                    while (feature[node] >= 0)
                    {
                        node = (float)matrix[(i * d) + feature[node]] <= threshold[node] ? grower.Left[node] : grower.Right[node];
                    }

                    margins[(i * k) + c] += grower.Value[node];
                }
            }
        }

        return new TreeEnsemble(baseMargins, [.. roots], [.. treeClass], [.. grower.Feature], [.. grower.Threshold], [.. grower.Left], [.. grower.Right], [.. grower.Value], d);
    }

    /// <summary>Log of the weighted label frequencies; for two labels only the second moves (the first stays 0).</summary>
    private static double[] BaseMargins(TabularTargets targets, int k)
    {
        var mass = new double[k];
        for (var i = 0; i < targets.Targets.Length; i++)
        {
            mass[targets.Targets[i]] += targets.Weights[i];
        }

        var margins = new double[k];
        for (var c = 0; c < k; c++)
        {
            margins[c] = Math.Log(mass[c]);
        }

        if (k == 2)
        {
            margins[1] -= margins[0];
            margins[0] = 0;
        }

        return margins;
    }
}
