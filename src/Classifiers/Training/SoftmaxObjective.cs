namespace HybridAI.Classifiers;

/// <summary>
/// Weighted multinomial cross-entropy with an L2 penalty, over sparse rows. Parameters are laid out
/// feature-major (all classes of one feature side by side, then the biases), which keeps the inner
/// loops contiguous both here and when classifying.
/// </summary>
internal sealed class SoftmaxObjective(ISparseDesign data, double l2)
{
    private readonly double[] _scores = new double[data.ClassCount];
    private readonly double _totalWeight = Sum(data.SampleWeights);

    public int ParameterCount => (data.FeatureCount + 1) * data.ClassCount;

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var k = data.ClassCount;
        var biasOffset = data.FeatureCount * k;
        var biases = theta.Slice(biasOffset, k);
        var scores = _scores.AsSpan();
        gradient.Clear();
        double loss = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var start = data.RowStart[i];
            var end = data.RowStart[i + 1];
            biases.CopyTo(scores);
            for (var p = start; p < end; p++)
            {
                var v = data.Values[p];
                var w = theta.Slice(data.Columns[p] * k, k);
                for (var c = 0; c < k; c++)
                {
                    scores[c] += v * w[c];
                }
            }

            var logSum = Softmax.LogSumExp(scores);
            var target = data.Targets[i];
            var weight = data.SampleWeights[i];
            loss += weight * (logSum - scores[target]);
            for (var c = 0; c < k; c++)
            {
                scores[c] = weight * (Math.Exp(scores[c] - logSum) - (c == target ? 1d : 0d));
            }

            for (var p = start; p < end; p++)
            {
                var v = data.Values[p];
                var gw = gradient.Slice(data.Columns[p] * k, k);
                for (var c = 0; c < k; c++)
                {
                    gw[c] += scores[c] * v;
                }
            }

            var gb = gradient.Slice(biasOffset, k);
            for (var c = 0; c < k; c++)
            {
                gb[c] += scores[c];
            }
        }

        var scale = 1d / _totalWeight;
        loss *= scale;
        for (var j = 0; j < gradient.Length; j++)
        {
            gradient[j] *= scale;
        }

        // The biases stay unpenalised so that label frequencies are not shrunk towards uniform.
        double penalty = 0;
        for (var j = 0; j < biasOffset; j++)
        {
            penalty += theta[j] * theta[j];
            gradient[j] += l2 * theta[j];
        }

        return loss + (0.5 * l2 * penalty);
    }

    private static double Sum(double[] values)
    {
        double total = 0;
        foreach (var v in values)
        {
            total += v;
        }

        return total;
    }
}
