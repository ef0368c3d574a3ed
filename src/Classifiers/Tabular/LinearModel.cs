namespace HybridAI.Classifiers.Tabular;

/// <summary>Multinomial logistic regression weights, feature-major (all labels of one feature side by side), then one bias per label.</summary>
internal sealed class LinearModel(double[] weights, double[] biases) : ITabularModel
{
    public const string KindName = "logistic-regression";

    public string Kind => KindName;

    public int ClassCount => biases.Length;

    public int Dimension => weights.Length / biases.Length;

    public ReadOnlySpan<double> Weights => weights;

    public ReadOnlySpan<double> Biases => biases;

    public void Margins(ReadOnlySpan<double> features, Span<double> margins)
    {
        var k = biases.Length;
        biases.CopyTo(margins);
        for (var j = 0; j < features.Length; j++)
        {
            var x = features[j];
            if (x == 0)
            {
                continue;
            }

            var w = weights.AsSpan(j * k, k);
            for (var c = 0; c < k; c++)
            {
                margins[c] += w[c] * x;
            }
        }
    }

    public void Contributions(ReadOnlySpan<double> features, int label, Span<double> perFeature)
    {
        var k = biases.Length;
        for (var j = 0; j < features.Length; j++)
        {
            var w = weights.AsSpan(j * k, k);
            double mean = 0;
            for (var c = 0; c < k; c++)
            {
                mean += w[c];
            }

            perFeature[j] += (w[label] - (mean / k)) * features[j];
        }
    }
}
