using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace HybridAI.Classifiers;

/// <summary>Reads and checks the JSON header and the binary payload of a model file, naming the field at fault.</summary>
internal sealed class ModelHeaderReader(JsonElement root)
{
    private int? _version;

    public TextClassifier ReadModel(BinaryReader reader)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Fail("Model header must be a JSON object.", "header");
        }

        var format = String("format");
        if (format != ModelFile.FormatName)
        {
            throw Fail($"Model header field 'format' is \"{format}\" but \"{ModelFile.FormatName}\" was expected.", "format");
        }

        _version = Int("formatVersion");
        if (_version is not (ModelFile.UncalibratedFormatVersion or ModelFile.FormatVersion))
        {
            throw Fail($"Model format version {_version} is not supported; this library reads versions {ModelFile.UncalibratedFormatVersion} to {ModelFile.FormatVersion}.", "formatVersion");
        }

        var kind = String("kind");
        if (kind is not (LogisticRegressionTrainer.Kind or NaiveBayesTrainer.Kind))
        {
            throw Fail($"Model kind \"{kind}\" is unknown (expected \"{LogisticRegressionTrainer.Kind}\" or \"{NaiveBayesTrainer.Kind}\").", "kind");
        }

        var labels = StringArray(root, "labels");
        if (labels.Length < 2 || labels.Distinct(StringComparer.Ordinal).Count() != labels.Length)
        {
            throw Fail("Model header field 'labels' must hold at least two distinct labels.", "labels");
        }

        var featurizerElement = Property(root, "featurizer", JsonValueKind.Object);
        var options = ReadOptions(new ModelHeaderReader(featurizerElement) { _version = _version });
        var dimension = Int(featurizerElement, "featurizer.dimension", "dimension");
        var documentCount = Int(featurizerElement, "featurizer.documentCount", "documentCount");
        var expectedDimension = options.FeatureSpace == FeatureSpace.Hashed ? 1 << options.HashBits : -1;
        if (dimension < 0 || documentCount < 0 || (expectedDimension >= 0 && dimension != expectedDimension))
        {
            throw Fail($"Model header field 'featurizer.dimension' ({dimension}) does not match the featurizer options.", "featurizer.dimension");
        }

        string[]? vocabulary = null;
        Dictionary<int, string>? names = null;
        if (options.FeatureSpace == FeatureSpace.Vocabulary)
        {
            vocabulary = StringArray(root, "vocabulary");
            if (vocabulary.Length != dimension)
            {
                throw Fail($"Model header field 'vocabulary' has {vocabulary.Length} terms but the dimension is {dimension}.", "vocabulary");
            }
        }
        else
        {
            names = ReadFeatureNames(dimension);
        }

        var payloadLength = Int("payloadLength");
        var sha = String("payloadSha256");
        var payload = ModelFile.ReadBytes(reader, payloadLength, "payload", _version);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(payload)), sha, StringComparison.OrdinalIgnoreCase))
        {
            throw Fail("Model payload does not match its SHA-256 checksum; the file is corrupt.", "payloadSha256");
        }

        var cursor = new PayloadCursor(payload, this);
        var idf = ReadIdf(ref cursor, dimension);
        var k = labels.Length;
        var biases = cursor.Doubles(k, "payload.biases");
        var rowCount = cursor.Int("payload.rowCount");
        if (rowCount < 0 || rowCount > dimension)
        {
            throw Fail($"Model payload declares {rowCount} weight rows for {dimension} features.", "payload.rowCount");
        }

        var rows = new int[rowCount];
        var weights = new double[rowCount * k];
        for (var r = 0; r < rowCount; r++)
        {
            rows[r] = cursor.Int("payload.weights");
            if (rows[r] < 0 || rows[r] >= dimension || (r > 0 && rows[r] <= rows[r - 1]))
            {
                throw Fail($"Model payload weight row {r} has feature index {rows[r]}, out of order or outside [0, {dimension}).", "payload.weights");
            }

            cursor.Doubles(k, "payload.weights").CopyTo(weights, r * k);
        }

        if (!cursor.AtEnd)
        {
            throw Fail("Model payload has trailing bytes after the weights.", "payload");
        }

        var featurizer = new TextFeaturizer(options, documentCount, idf, vocabulary, names);
        var model = new TextClassifier(kind, featurizer, labels, biases, rows, weights);
        return ReadTemperature() is { } temperature ? model.WithTemperature(temperature) : model;
    }

    /// <summary>The optional <c>calibration</c> object of version 2; version 1 files have none.</summary>
    private double? ReadTemperature()
    {
        if (_version < 2 || !root.TryGetProperty("calibration", out _))
        {
            return null;
        }

        var calibration = Property(root, "calibration", JsonValueKind.Object);
        var method = String(calibration, "calibration.method", "method");
        if (method != "temperature")
        {
            throw Fail($"Model header field 'calibration.method' is \"{method}\" (expected \"temperature\").", "calibration.method");
        }

        var value = Property(calibration, "calibration.temperature", "temperature");
        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var temperature) && Calibration.TemperatureScaling.IsValid(temperature)
            ? temperature
            : throw Fail("Model header field 'calibration.temperature' must be a number in [0.001, 1000].", "calibration.temperature");
    }

    internal ModelFormatException Fail(string message, string field) => new(message, field, _version);

    private double[] ReadIdf(ref PayloadCursor cursor, int dimension)
    {
        var defaultIdf = cursor.Doubles(1, "payload.defaultIdf")[0];
        var idf = new double[dimension];
        Array.Fill(idf, defaultIdf);
        var entries = cursor.Int("payload.idfCount");
        if (entries < 0 || entries > dimension)
        {
            throw Fail($"Model payload declares {entries} IDF entries for {dimension} features.", "payload.idfCount");
        }

        for (var e = 0; e < entries; e++)
        {
            var index = cursor.Int("payload.idf");
            if (index < 0 || index >= dimension)
            {
                throw Fail($"Model payload IDF entry {e} has feature index {index}, outside [0, {dimension}).", "payload.idf");
            }

            idf[index] = cursor.Doubles(1, "payload.idf")[0];
        }

        return idf;
    }

    private static TextFeaturizerOptions ReadOptions(ModelHeaderReader f)
    {
        var space = f.String("featureSpace", "featurizer.featureSpace");
        var options = new TextFeaturizerOptions
        {
            FeatureSpace = space switch
            {
                "hashed" => FeatureSpace.Hashed,
                "vocabulary" => FeatureSpace.Vocabulary,
                _ => throw f.Fail($"Model header field 'featurizer.featureSpace' is \"{space}\" (expected \"hashed\" or \"vocabulary\").", "featurizer.featureSpace"),
            },
            WordNGramMin = f.Int("wordNGramMin", "featurizer.wordNGramMin"),
            WordNGramMax = f.Int("wordNGramMax", "featurizer.wordNGramMax"),
            CharNGramMin = f.Int("charNGramMin", "featurizer.charNGramMin"),
            CharNGramMax = f.Int("charNGramMax", "featurizer.charNGramMax"),
            HashBits = f.Int("hashBits", "featurizer.hashBits"),
            MinDocumentFrequency = f.Int("minDocumentFrequency", "featurizer.minDocumentFrequency"),
            MaxVocabularySize = f.Int("maxVocabularySize", "featurizer.maxVocabularySize"),
            MaxFeatureNames = f.Int("maxFeatureNames", "featurizer.maxFeatureNames"),
            SublinearTf = f.Bool("sublinearTf", "featurizer.sublinearTf"),
            UseIdf = f.Bool("useIdf", "featurizer.useIdf"),
            FoldAccents = f.Bool("foldAccents", "featurizer.foldAccents"),
            Lowercase = f.Bool("lowercase", "featurizer.lowercase"),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"Model header field 'featurizer' holds invalid options: {ex.Message}", "featurizer", f._version, ex);
        }

        return options;
    }

    private Dictionary<int, string> ReadFeatureNames(int dimension)
    {
        var names = new Dictionary<int, string>();
        if (!root.TryGetProperty("featureNames", out var array))
        {
            return names;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Fail("Model header field 'featureNames' must be an array of [bucket, term] pairs.", "featureNames");
        }

        var i = 0;
        foreach (var pair in array.EnumerateArray())
        {
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2
                || !pair[0].TryGetInt32(out var bucket) || bucket < 0 || bucket >= dimension
                || pair[1].ValueKind != JsonValueKind.String)
            {
                throw Fail($"Model header field 'featureNames[{i}]' must be a [bucket, term] pair with a bucket in [0, {dimension}).", "featureNames");
            }

            names[bucket] = pair[1].GetString()!;
            i++;
        }

        return names;
    }

    private string String(string name, string? path = null) => String(root, path ?? name, name);

    private int Int(string name, string? path = null) => Int(root, path ?? name, name);

    private bool Bool(string name, string path)
    {
        var value = Property(root, path, name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Fail($"Model header field '{path}' must be true or false.", path),
        };
    }

    private string String(JsonElement parent, string path, string name)
    {
        var value = Property(parent, path, name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Fail($"Model header field '{path}' must be a string.", path);
    }

    private int Int(JsonElement parent, string path, string name)
    {
        var value = Property(parent, path, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Fail($"Model header field '{path}' must be a 32-bit integer.", path);
    }

    private string[] StringArray(JsonElement parent, string path)
    {
        var value = Property(parent, path, JsonValueKind.Array);
        var result = new string[value.GetArrayLength()];
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw Fail($"Model header field '{path}[{i}]' must be a string.", path);
            }

            result[i++] = item.GetString()!;
        }

        return result;
    }

    private JsonElement Property(JsonElement parent, string path, JsonValueKind kind)
    {
        var value = Property(parent, path, path);
        return value.ValueKind == kind
            ? value
            : throw Fail($"Model header field '{path}' must be a JSON {kind.ToString().ToLowerInvariant()}.", path);
    }

    private JsonElement Property(JsonElement parent, string path, string name) =>
        parent.TryGetProperty(name, out var value)
            ? value
            : throw Fail(string.Create(CultureInfo.InvariantCulture, $"Model header is missing required field '{path}' (format version {_version?.ToString(CultureInfo.InvariantCulture) ?? "unknown"})."), path);
}
