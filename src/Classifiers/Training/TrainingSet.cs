namespace HybridAI.Classifiers;

/// <summary>
/// Featurized training data in compressed sparse rows over the "active" features only (those seen
/// in training): weights of features never seen stay exactly zero, so there is no point optimising them.
/// </summary>
internal sealed class TrainingSet : ISparseDesign
{
    private TrainingSet(TextFeaturizer featurizer, string[] labels, int[] targets, double[] sampleWeights, int[] activeFeatures, int[] rowStart, int[] columns, double[] values)
    {
        Featurizer = featurizer;
        Labels = labels;
        Targets = targets;
        SampleWeights = sampleWeights;
        ActiveFeatures = activeFeatures;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
    }

    public TextFeaturizer Featurizer { get; }

    /// <summary>Distinct labels in ordinal order, so the label order does not depend on the example order.</summary>
    public string[] Labels { get; }

    public int[] Targets { get; }

    public double[] SampleWeights { get; }

    /// <summary>Original feature index of each compact column, increasing.</summary>
    public int[] ActiveFeatures { get; }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public double[] Values { get; }

    public int Count => Targets.Length;

    public int FeatureCount => ActiveFeatures.Length;

    public int ClassCount => Labels.Length;

    public static TrainingSet Build(IEnumerable<(string Text, string Label)> examples, TextFeaturizerOptions? featurizerOptions, ClassWeighting weighting, IReadOnlyDictionary<string, double>? classWeights)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var list = examples as IReadOnlyList<(string Text, string Label)> ?? [.. examples];
        if (list.Count == 0)
        {
            throw new ArgumentException("No training examples were given.", nameof(examples));
        }

        var texts = new string[list.Count];
        var labelSet = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var (text, label) = list[i];
            texts[i] = text ?? throw new ArgumentException($"Example #{i} has a null text.", nameof(examples));
            if (string.IsNullOrEmpty(label))
            {
                throw new ArgumentException($"Example #{i} has an empty label.", nameof(examples));
            }

            labelSet.Add(label);
        }

        if (labelSet.Count < 2)
        {
            throw new ArgumentException($"Training needs at least two distinct labels but the examples have {labelSet.Count}.", nameof(examples));
        }

        var labels = new string[labelSet.Count];
        labelSet.CopyTo(labels);
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < labels.Length; k++)
        {
            labelIndex[labels[k]] = k;
        }

        var targets = new int[list.Count];
        var perClass = new int[labels.Length];
        for (var i = 0; i < list.Count; i++)
        {
            targets[i] = labelIndex[list[i].Label];
            perClass[targets[i]]++;
        }

        var featurizer = TextFeaturizer.Fit(texts, featurizerOptions);
        var rows = new SparseVector[texts.Length];
        var seen = new bool[featurizer.Dimension];
        var nonZeros = 0;
        for (var i = 0; i < texts.Length; i++)
        {
            rows[i] = featurizer.Transform(texts[i]);
            foreach (var j in rows[i].Indices)
            {
                seen[j] = true;
            }

            nonZeros += rows[i].Count;
        }

        var active = new List<int>();
        var compact = new int[featurizer.Dimension];
        for (var j = 0; j < seen.Length; j++)
        {
            compact[j] = active.Count;
            if (seen[j])
            {
                active.Add(j);
            }
        }

        var rowStart = new int[texts.Length + 1];
        var columns = new int[nonZeros];
        var values = new double[nonZeros];
        var at = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            rowStart[i] = at;
            var idx = rows[i].Indices;
            var val = rows[i].Values;
            for (var p = 0; p < idx.Length; p++)
            {
                columns[at] = compact[idx[p]];
                values[at] = val[p];
                at++;
            }
        }

        rowStart[texts.Length] = at;
        var classWeight = ClassWeightsFor(labels, perClass, list.Count, weighting, classWeights);
        var sampleWeights = new double[list.Count];
        for (var i = 0; i < sampleWeights.Length; i++)
        {
            sampleWeights[i] = classWeight[targets[i]];
        }

        return new TrainingSet(featurizer, labels, targets, sampleWeights, [.. active], rowStart, columns, values);
    }

    public static void ValidateClassWeights(ClassWeighting weighting, IReadOnlyDictionary<string, double>? classWeights)
    {
        if (!Enum.IsDefined(weighting))
        {
            throw new ArgumentException($"ClassWeighting {(int)weighting} is not a known value.");
        }

        if (classWeights is null)
        {
            return;
        }

        foreach (var (label, weight) in classWeights)
        {
            if (!(weight > 0) || double.IsInfinity(weight))
            {
                throw new ArgumentException($"ClassWeights[\"{label}\"] must be a finite number > 0 but is {weight}.");
            }
        }
    }

    internal static double[] ClassWeightsFor(string[] labels, int[] perClass, int total, ClassWeighting weighting, IReadOnlyDictionary<string, double>? explicitWeights)
    {
        var weights = new double[labels.Length];
        for (var k = 0; k < labels.Length; k++)
        {
            weights[k] = weighting == ClassWeighting.Balanced ? total / (double)(labels.Length * perClass[k]) : 1d;
            if (explicitWeights is not null && explicitWeights.TryGetValue(labels[k], out var w))
            {
                weights[k] *= w;
            }
        }

        return weights;
    }
}
