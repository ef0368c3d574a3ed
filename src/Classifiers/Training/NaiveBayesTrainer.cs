namespace HybridAI.Classifiers;

/// <summary>
/// Trains multinomial naive Bayes with Lidstone smoothing over TF-IDF features. Only features seen
/// in training take part; the model is linear in the features, so probabilities come from the same
/// log-sum-exp softmax as logistic regression.
/// </summary>
/// <example>
/// <code>
/// TextClassifier model = new NaiveBayesTrainer(new NaiveBayesOptions { Alpha = 0.5 }).Train(examples);
/// </code>
/// </example>
public sealed class NaiveBayesTrainer : ITextClassifierTrainer
{
    /// <summary>The model kind written into model files.</summary>
    public const string Kind = "naive-bayes";

    private readonly NaiveBayesOptions _options;
    private readonly TextFeaturizerOptions _featurizer;

    /// <summary>Creates a trainer; null options mean defaults.</summary>
    public NaiveBayesTrainer(NaiveBayesOptions? options = null, TextFeaturizerOptions? featurizer = null)
    {
        _options = options ?? new NaiveBayesOptions();
        _featurizer = featurizer ?? new TextFeaturizerOptions();
        _options.Validate();
        _featurizer.Validate();
    }

    /// <inheritdoc />
    public TextClassifier Train(IEnumerable<(string Text, string Label)> examples)
    {
        var data = TrainingSet.Build(examples, _featurizer, _options.ClassWeighting, _options.ClassWeights);
        var k = data.ClassCount;
        var features = data.ActiveFeatures.Length;
        var counts = new double[features * k];
        var classMass = new double[k];
        var classWeight = new double[k];
        for (var i = 0; i < data.Count; i++)
        {
            var c = data.Targets[i];
            var s = data.SampleWeights[i];
            classWeight[c] += s;
            for (var p = data.RowStart[i]; p < data.RowStart[i + 1]; p++)
            {
                var mass = s * data.Values[p];
                counts[(data.Columns[p] * k) + c] += mass;
                classMass[c] += mass;
            }
        }

        var alpha = _options.Alpha;
        var logDenominator = new double[k];
        for (var c = 0; c < k; c++)
        {
            logDenominator[c] = Math.Log(classMass[c] + (alpha * features));
        }

        var weights = new double[features * k];
        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] = Math.Log(counts[j] + alpha) - logDenominator[j % k];
        }

        var totalWeight = 0d;
        foreach (var w in classWeight)
        {
            totalWeight += w;
        }

        var biases = new double[k];
        for (var c = 0; c < k; c++)
        {
            biases[c] = _options.FitPriors ? Math.Log(classWeight[c] / totalWeight) : -Math.Log(k);
        }

        return new TextClassifier(Kind, data.Featurizer, data.Labels, biases, data.ActiveFeatures, weights);
    }
}
