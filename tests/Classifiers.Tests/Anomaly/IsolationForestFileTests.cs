using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HybridAI.Classifiers.Anomaly;
using HybridAI.Classifiers.Data;

namespace HybridAI.Classifiers.Tests.Anomaly;

public sealed class IsolationForestFileTests
{
    [Fact]
    public void Save_and_load_give_bit_identical_scores_and_the_same_threshold()
    {
        var data = MixedTable(400, seed: 21);
        var forest = new IsolationForestTrainer(new IsolationForestOptions { ContaminationForThreshold = 0.05, Trees = 50 }).Train(data);

        var loaded = RoundTrip(forest);

        Assert.Equal(forest.Threshold, loaded.Threshold);
        Assert.Equal(forest.SampleSize, loaded.SampleSize);
        Assert.Equal(forest.MaxDepth, loaded.MaxDepth);
        Assert.Equal(forest.Featurizer.FeatureNames, loaded.Featurizer.FeatureNames);
        var before = forest.ScoreAll(data);
        var after = loaded.ScoreAll(data);
        for (var i = 0; i < before.Length; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(before[i]), BitConverter.DoubleToInt64Bits(after[i]));
            Assert.Equal(forest.IsAnomaly(data.Row(i)), loaded.IsAnomaly(data.Row(i)));
        }

        // Saving the loaded model writes the same bytes: nothing was lost or re-derived differently.
        Assert.Equal(Bytes(forest), Bytes(loaded));
    }

    [Fact]
    public void A_forest_without_threshold_round_trips_without_one()
    {
        var forest = new IsolationForestTrainer(new IsolationForestOptions { Trees = 10 }).Train(MixedTable(100, seed: 22));
        Assert.Null(RoundTrip(forest).Threshold);
    }

    [Fact]
    public void Wrong_magic_is_named()
    {
        var bytes = Bytes(Small());
        bytes[0] = (byte)'X';
        Assert.Equal("magic", LoadFails(bytes).Field);
    }

    [Fact]
    public void A_flipped_payload_byte_fails_the_checksum()
    {
        var bytes = Bytes(Small());
        bytes[^5] ^= 0x10;
        Assert.Equal("payloadSha256", LoadFails(bytes).Field);
    }

    [Fact]
    public void A_truncated_file_is_named()
    {
        var bytes = Bytes(Small());
        Assert.Equal("payload", LoadFails(bytes[..^3]).Field);
    }

    [Theory]
    [InlineData("formatVersion", "formatVersion")]
    [InlineData("sampleSize", "model.sampleSize")]
    [InlineData("trees", "model.trees")]
    [InlineData("dimension", "model.dimension")]
    [InlineData("format", "format")]
    public void A_bad_header_field_is_named(string edit, string field)
    {
        var bytes = EditHeader(Bytes(Small()), header =>
        {
            switch (edit)
            {
                case "formatVersion": header["formatVersion"] = 99; break;
                case "format": header["format"] = "something-else"; break;
                case "sampleSize": header["model"]!["sampleSize"] = 1; break;
                case "trees": header["model"]!["trees"] = 0; break;
                case "dimension": header["model"]!["dimension"] = 7; break;
            }
        });

        var error = LoadFails(bytes);
        Assert.Equal(field, error.Field);
        Assert.Contains(field.Split('.')[^1], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_header_field_is_named()
    {
        var bytes = EditHeader(Bytes(Small()), header => header.Remove("hasThreshold"));
        var error = LoadFails(bytes);
        Assert.Equal("hasThreshold", error.Field);
    }

    [Fact]
    public void A_node_pointing_outside_the_forest_is_named_even_with_a_matching_checksum()
    {
        var file = Bytes(Small());
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8, 4));
        var payloadStart = 12 + headerLength;

        // Three numeric columns (x, y, amount) of mean/center/scale, then five int32 roots, then node 0's feature.
        var firstNode = payloadStart + (3 * 3 * sizeof(double)) + (5 * sizeof(int));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(firstNode, 4), 999);
        var sha = Convert.ToHexStringLower(SHA256.HashData(file.AsSpan(payloadStart)));
        var bytes = EditHeader(file, header => header["payloadSha256"] = sha);

        var error = LoadFails(bytes);
        Assert.Equal("payload.nodes", error.Field);
        Assert.Contains("node 0", error.Message, StringComparison.Ordinal);
    }

    private static IsolationForest Small() => new IsolationForestTrainer(new IsolationForestOptions { Trees = 5, ContaminationForThreshold = 0.1 }).Train(MixedTable(60, seed: 23));

    /// <summary>Numbers with missing values plus a category, so every featurizer part is saved.</summary>
    private static TabularData MixedTable(int rows, int seed)
    {
        var planted = PlantedOutliers.Make(rows - 4, 4, seed);
        var random = new Random(seed);
        var amount = new double[rows];
        var channel = new string?[rows];
        for (var i = 0; i < rows; i++)
        {
            amount[i] = i % 17 == 0 ? double.NaN : Math.Round(random.NextDouble() * 500, 2);
            channel[i] = (i % 3) switch { 0 => "web", 1 => "shop", _ => i % 11 == 0 ? null : "phone" };
        }

        return new TabularData([.. planted.Data.Columns, TabularColumn.Numeric("amount", amount), TabularColumn.Categorical("channel", channel)]);
    }

    private static byte[] Bytes(IsolationForest forest)
    {
        using var stream = new MemoryStream();
        forest.Save(stream);
        return stream.ToArray();
    }

    private static IsolationForest RoundTrip(IsolationForest forest)
    {
        using var stream = new MemoryStream(Bytes(forest));
        return IsolationForest.Load(stream);
    }

    private static ModelFormatException LoadFails(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return Assert.Throws<ModelFormatException>(() => IsolationForest.Load(stream));
    }

    private static byte[] EditHeader(byte[] file, Action<JsonObject> edit)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8, 4));
        var header = JsonNode.Parse(file.AsSpan(12, length))!.AsObject();
        edit(header);
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        var result = new byte[12 + json.Length + (file.Length - 12 - length)];
        file.AsSpan(0, 8).CopyTo(result);
        BinaryPrimitives.WriteInt32LittleEndian(result.AsSpan(8, 4), json.Length);
        json.CopyTo(result, 12);
        file.AsSpan(12 + length).CopyTo(result.AsSpan(12 + json.Length));
        return result;
    }
}
