using System.Buffers.Binary;
using System.Text;
using System.Text.Json.Nodes;

namespace HybridAI.Classifiers.Tests.Persistence;

public sealed class ModelFileTests : IDisposable
{
    private static readonly TextClassifier Hashed = TextClassifier.Train(TicketData.Training);

    private readonly string _directory = Directory.CreateTempSubdirectory("hybridai-classifiers-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Hashed_logistic_regression_round_trips_through_a_file_with_identical_probabilities()
    {
        var path = Path.Combine(_directory, "triage.model");
        using (var file = File.Create(path))
        {
            Hashed.Save(file);
        }

        TextClassifier loaded;
        using (var file = File.OpenRead(path))
        {
            loaded = TextClassifier.Load(file);
        }

        AssertSamePredictions(Hashed, loaded);
        Assert.Equal(Hashed.Featurizer.Options, loaded.Featurizer.Options);
    }

    [Fact]
    public void Vocabulary_naive_bayes_round_trips_with_identical_probabilities()
    {
        var model = new NaiveBayesTrainer(featurizer: new TextFeaturizerOptions { FeatureSpace = FeatureSpace.Vocabulary, MinDocumentFrequency = 2 }).Train(TicketData.Training);

        var loaded = TextClassifier.Load(new MemoryStream(Save(model)));

        Assert.Equal(NaiveBayesTrainer.Kind, loaded.Kind);
        Assert.Equal(model.Featurizer.Dimension, loaded.Featurizer.Dimension);
        AssertSamePredictions(model, loaded);
    }

    [Fact]
    public void Saving_twice_gives_the_same_bytes()
    {
        Assert.Equal(Save(Hashed), Save(TextClassifier.Load(new MemoryStream(Save(Hashed)))));
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_rejected_at_the_magic_bytes()
    {
        var ex = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream("{\"labels\":[]}"u8.ToArray())));

        Assert.Equal("magic", ex.Field);
        Assert.Contains("Not a HybridAI text-classifier model", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_weight_byte_fails_the_checksum()
    {
        var bytes = Save(Hashed);
        bytes[^3] ^= 0x40;

        var ex = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream(bytes)));

        Assert.Equal("payloadSha256", ex.Field);
        Assert.Equal(1, ex.FormatVersion);
        Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_says_which_part_is_missing()
    {
        var bytes = Save(Hashed);

        var ex = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream(bytes[..^100])));

        Assert.Equal("payload", ex.Field);
        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_newer_format_version_is_refused_by_number()
    {
        // Version 2 (calibration) is read; 3 is from a newer library.
        var bytes = EditHeader(Save(Hashed), h => h["formatVersion"] = 3);

        var ex = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream(bytes)));

        Assert.Equal("formatVersion", ex.Field);
        Assert.Equal(3, ex.FormatVersion);
        Assert.Contains("version 3 is not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_is_named()
    {
        var bytes = EditHeader(Save(Hashed), h => h.AsObject().Remove("labels"));

        var ex = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream(bytes)));

        Assert.Equal("labels", ex.Field);
        Assert.Contains("missing required field 'labels'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_featurizer_options_are_named()
    {
        var bytes = EditHeader(Save(Hashed), h => h["featurizer"]!["hashBits"] = 40);

        var ex = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream(bytes)));

        Assert.Equal("featurizer", ex.Field);
        Assert.Contains("HashBits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrongly_typed_nested_field_is_named_with_its_path()
    {
        var bytes = EditHeader(Save(Hashed), h => h["featurizer"]!["useIdf"] = "yes");

        var ex = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream(bytes)));

        Assert.Equal("featurizer.useIdf", ex.Field);
    }

    [Fact]
    public void A_calibrated_model_round_trips_its_temperature_and_identical_probabilities_as_version_2()
    {
        var calibrated = Hashed.WithTemperature(0.6180339887498949);
        var bytes = Save(calibrated);

        var loaded = TextClassifier.Load(new MemoryStream(bytes));

        Assert.Equal(calibrated.Temperature, loaded.Temperature);
        AssertSamePredictions(calibrated, loaded);
        var header = Header(bytes);
        Assert.Equal(2, (int)header["formatVersion"]!);
        Assert.Equal("temperature", (string)header["calibration"]!["method"]!);
        Assert.Equal(Save(calibrated), Save(loaded));
    }

    [Fact]
    public void An_uncalibrated_model_is_still_written_as_version_1_and_a_version_1_file_loads_uncalibrated()
    {
        var bytes = Save(Hashed);

        Assert.Equal(1, (int)Header(bytes)["formatVersion"]!);
        Assert.False(Header(bytes).AsObject().ContainsKey("calibration"));
        Assert.Equal(1, TextClassifier.Load(new MemoryStream(bytes)).Temperature);
    }

    [Fact]
    public void A_bad_temperature_or_method_is_named()
    {
        var calibrated = Save(Hashed.WithTemperature(2));

        var temperature = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream(
            EditHeader(calibrated, h => h["calibration"]!["temperature"] = -1))));
        var method = Assert.Throws<ModelFormatException>(() => TextClassifier.Load(new MemoryStream(
            EditHeader(calibrated, h => h["calibration"]!["method"] = "isotonic"))));

        Assert.Equal("calibration.temperature", temperature.Field);
        Assert.Equal("calibration.method", method.Field);
    }

    private static JsonNode Header(byte[] file) => JsonNode.Parse(file.AsSpan(12, BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8))))!;

    private static void AssertSamePredictions(TextClassifier expected, TextClassifier actual)
    {
        Assert.Equal(expected.Labels, actual.Labels);
        foreach (var text in TicketData.HeldOut.Select(t => t.Text).Append("zzz qqq"))
        {
            var a = expected.Classify(text);
            var b = actual.Classify(text);
            Assert.Equal(a.Probabilities, b.Probabilities); // exact, bit for bit
            Assert.Equal(a.TopFeatures, b.TopFeatures);
        }
    }

    private static byte[] Save(TextClassifier model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    // Rewrites the JSON header (and its length prefix), keeping the binary payload as it was.
    private static byte[] EditHeader(byte[] file, Action<JsonNode> edit)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        var header = JsonNode.Parse(file.AsSpan(12, length))!;
        edit(header);
        var newHeader = Encoding.UTF8.GetBytes(header.ToJsonString());
        var result = new byte[12 + newHeader.Length + (file.Length - 12 - length)];
        file.AsSpan(0, 8).CopyTo(result);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(8), newHeader.Length);
        newHeader.CopyTo(result.AsSpan(12));
        file.AsSpan(12 + length).CopyTo(result.AsSpan(12 + newHeader.Length));
        return result;
    }
}
