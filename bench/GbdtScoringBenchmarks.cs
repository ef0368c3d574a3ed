using BenchmarkDotNet.Attributes;
using HybridAI.Classifiers;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Benchmarks;

/// <summary>
/// Time per row of GBDT scoring (100 trees, depth 3, seed 42, as in the classifiers mode) over German
/// Credit rows: trees only, from rows featurized beforehand (1,000 rows, cache-resident), and end to
/// end over 100k rows with featurisation included. Each pair times the reference node-by-node walk
/// beside the scoring layout, so before and after come from the same run; rows/s = 1 / mean. Min is
/// shown too: on a shared machine it is the figure least inflated by other processes. The float32 pair
/// splits batch scoring into its parts: featurising coded columns a block at a time, and the trees.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class GbdtScoringBenchmarks
{
    private const string GermanCredit = "/usr/share/doc/weka/examples/credit-g.arff";
    private const int ManyRows = 100_000;
    private const int FewRows = 1_000;

    private TabularClassifier _model = null!;
    private TreeEnsemble _trees = null!;
    private TabularData _rows = null!;
    private double[] _matrix = null!;
    private double[] _margins = null!;
    private double[] _probabilities = null!;
    private float[] _floats = null!;
    private float[] _block = null!;
    private int _dimension;

    [GlobalSetup]
    public void Setup()
    {
        var credit = ArffReader.ReadFile(GermanCredit, "class");
        _model = new GradientBoostingTrainer(new GradientBoostingOptions { Seed = 42 }).Train(credit);
        _trees = (TreeEnsemble)_model.Model;
        _rows = credit.Select([.. Enumerable.Range(0, ManyRows).Select(i => i % credit.RowCount)]);
        _matrix = _model.Featurizer.Transform(credit);
        _dimension = _model.Featurizer.Dimension;
        _margins = new double[_model.Labels.Count];
        _floats = [.. _matrix.Select(v => (float)v)];
        _block = new float[512 * _dimension];
        _probabilities = new double[ManyRows * _model.Labels.Count];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FewRows)]
    public double TreesReference()
    {
        double sum = 0;
        for (var i = 0; i < FewRows; i++)
        {
            _trees.ReferenceMargins(_matrix.AsSpan(i * _dimension, _dimension), _margins);
            sum += _margins[1];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = FewRows)]
    public double TreesLayout()
    {
        double sum = 0;
        for (var i = 0; i < FewRows; i++)
        {
            _trees.Margins(_matrix.AsSpan(i * _dimension, _dimension), _margins);
            sum += _margins[1];
        }

        return sum;
    }

    /// <summary>Trees only, from float32 rows: what batch scoring hands the trees.</summary>
    [Benchmark(OperationsPerInvoke = FewRows)]
    public double TreesLayoutFloat32()
    {
        double sum = 0;
        for (var i = 0; i < FewRows; i++)
        {
            _trees.Margins(_floats.AsSpan(i * _dimension, _dimension), _margins);
            sum += _margins[1];
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = ManyRows)]
    public double[] FeaturizeOnly() => _model.Featurizer.Transform(_rows);

    /// <summary>Featurisation as batch scoring does it: float32 rows, a cache-sized block at a time, columns bound once.</summary>
    [Benchmark(OperationsPerInvoke = ManyRows)]
    public float FeaturizeFloat32Blocks()
    {
        var bound = _model.Featurizer.Bind(_rows);
        var block = _block.Length / _dimension;
        for (var start = 0; start < ManyRows; start += block)
        {
            _model.Featurizer.Transform<float>(bound, _rows, start, Math.Min(block, ManyRows - start), _block);
        }

        return _block[0];
    }

    /// <summary>What PredictProbabilities did before the scoring layout.</summary>
    [Benchmark(OperationsPerInvoke = ManyRows)]
    public double[] EndToEndReference()
    {
        var matrix = _model.Featurizer.Transform(_rows);
        var d = _dimension;
        var k = _margins.Length;
        var result = new double[_rows.RowCount * k];
        for (var i = 0; i < _rows.RowCount; i++)
        {
            var p = result.AsSpan(i * k, k);
            _trees.ReferenceMargins(matrix.AsSpan(i * d, d), p);
            Softmax.Normalize(p);
        }

        return result;
    }

    [Benchmark(OperationsPerInvoke = ManyRows)]
    public double[] EndToEnd() => _model.PredictProbabilities(_rows);

    /// <summary>The allocation-free batch call: rows in, probabilities into a buffer the caller reuses.</summary>
    [Benchmark(OperationsPerInvoke = ManyRows)]
    public double EndToEndIntoBuffer()
    {
        _model.PredictProbabilities(_rows, _probabilities);
        return _probabilities[1];
    }
}
