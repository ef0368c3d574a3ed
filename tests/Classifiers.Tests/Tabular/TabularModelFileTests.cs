using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;
using HybridAI.Classifiers.Calibration;
using HybridAI.Classifiers.Data;
using HybridAI.Classifiers.Tabular;

namespace HybridAI.Classifiers.Tests.Tabular;

public sealed class TabularModelFileTests : IDisposable
{
    private static readonly TabularData Train = SyntheticLoans.Make(600, seed: 21);
    private static readonly TabularData Test = SyntheticLoans.Make(200, seed: 22);
    private readonly string _directory = Directory.CreateTempSubdirectory("hybridai-tabular-model-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Models => ["lr", "gbdt", "gbdt+isotonic", "lr+platt", "gbdt-multiclass"];

    [Theory]
    [MemberData(nameof(Models))]
    public void Round_trips_through_a_file_with_identical_probabilities(string name)
    {
        var model = Build(name);
        var path = Path.Combine(_directory, "model.bin");
        using (var file = File.Create(path))
        {
            model.Save(file);
        }

        TabularClassifier loaded;
        using (var file = File.OpenRead(path))
        {
            loaded = TabularClassifier.Load(file);
        }

        var data = name == "gbdt-multiclass" ? ThreeBands() : Test;
        Assert.Equal(model.Labels, loaded.Labels);
        Assert.Equal(model.Kind, loaded.Kind);
        Assert.Equal(model.Featurizer.FeatureNames, loaded.Featurizer.FeatureNames);
        Assert.Equal(model.Featurizer.Options, loaded.Featurizer.Options);
        Assert.Equal(model.Calibrator?.GetType(), loaded.Calibrator?.GetType());
        Assert.Equal(model.PredictProbabilities(data), loaded.PredictProbabilities(data));
        var row = data.Row(3);
        Assert.Equal(model.Classify(row), loaded.Classify(row), ClassificationComparer.Instance);
    }

    [Fact]
    public void The_header_is_self_describing_json()
    {
        var bytes = Save(Build("gbdt+isotonic"));
        var header = ReadHeader(bytes);

        Assert.Equal("HAITABCL", Encoding.ASCII.GetString(bytes, 0, 8));
        Assert.Equal("hybridai.tabular-classifier", (string?)header["format"]);
        Assert.Equal(1, (int?)header["formatVersion"]);
        Assert.Equal("gradient-boosting", (string?)header["kind"]);
        Assert.Equal("isotonic", (string?)header["calibrator"]!["kind"]);
        Assert.Equal("purpose", (string?)header["featurizer"]!["columns"]![2]!["name"]);
        Assert.Equal(100, (int?)header["model"]!["trees"]);
    }

    [Fact]
    public void Corrupt_or_foreign_files_raise_model_format_errors_naming_the_field()
    {
        var bytes = Save(Build("lr"));

        var flipped = (byte[])bytes.Clone();
        flipped[^5] ^= 0xFF;
        Assert.Equal("payloadSha256", Assert.Throws<ModelFormatException>(() => Load(flipped)).Field);

        Assert.Equal("magic", Assert.Throws<ModelFormatException>(() => Load(Encoding.ASCII.GetBytes("HAITXTCL-not-this"))).Field);
        Assert.Equal("payload", Assert.Throws<ModelFormatException>(() => Load(bytes[..^10])).Field);

        var header = ReadHeader(bytes);
        header["formatVersion"] = 2;
        var future = Assert.Throws<ModelFormatException>(() => Load(WithHeader(bytes, header)));
        Assert.Equal("formatVersion", future.Field);
        Assert.Equal(2, future.FormatVersion);

        header = ReadHeader(bytes);
        header["kind"] = "neural-net";
        Assert.Equal("kind", Assert.Throws<ModelFormatException>(() => Load(WithHeader(bytes, header))).Field);
    }

    private static TabularClassifier Build(string name) => name switch
    {
        "lr" => new TabularLogisticRegressionTrainer().Train(Train),
        "gbdt" => new GradientBoostingTrainer(new GradientBoostingOptions { Subsample = 0.8, Seed = 2 }).Train(Train),
        "gbdt+isotonic" => new CalibratedTrainer(new GradientBoostingTrainer(), CalibrationMethod.Isotonic).Train(Train),
        "lr+platt" => new CalibratedTrainer(new TabularLogisticRegressionTrainer(), CalibrationMethod.Platt).Train(Train),
        _ => new GradientBoostingTrainer(new GradientBoostingOptions { Estimators = 20 }).Train(ThreeBands()),
    };

    private static TabularData ThreeBands()
    {
        var x = Enumerable.Range(0, 90).Select(i => i / 30d).ToArray();
        var y = x.Select(v => v < 1 ? "low" : v < 2 ? "mid" : "high").ToArray<string?>();
        var note = x.Select(v => v < 1.5 ? "a" : (string?)null).ToArray();
        return new TabularData([TabularColumn.Numeric("x", x), TabularColumn.Categorical("note", note), TabularColumn.Categorical("band", y)], "band");
    }

    private static byte[] Save(TabularClassifier model)
    {
        using var buffer = new MemoryStream();
        model.Save(buffer);
        return buffer.ToArray();
    }

    private static TabularClassifier Load(byte[] bytes) => TabularClassifier.Load(new MemoryStream(bytes));

    private static JsonObject ReadHeader(byte[] bytes)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        return JsonNode.Parse(bytes.AsSpan(12, length))!.AsObject();
    }

    private static byte[] WithHeader(byte[] bytes, JsonObject header)
    {
        var oldLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var result = new byte[12 + json.Length + (bytes.Length - 12 - oldLength)];
        bytes.AsSpan(0, 8).CopyTo(result);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(8), json.Length);
        json.CopyTo(result, 12);
        bytes.AsSpan(12 + oldLength).CopyTo(result.AsSpan(12 + json.Length));
        return result;
    }

    private sealed class ClassificationComparer : IEqualityComparer<HybridAI.Abstractions.Classification.Classification>
    {
        public static readonly ClassificationComparer Instance = new();

        public bool Equals(HybridAI.Abstractions.Classification.Classification? x, HybridAI.Abstractions.Classification.Classification? y) =>
            x is not null && y is not null && x.Label == y.Label && x.Confidence.Equals(y.Confidence)
            && x.Probabilities.SequenceEqual(y.Probabilities) && x.TopFeatures.SequenceEqual(y.TopFeatures);

        public int GetHashCode(HybridAI.Abstractions.Classification.Classification obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
