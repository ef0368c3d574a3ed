using System.Text;
using HybridAI.Native.OnnxRuntime.Format;
using Xunit.Abstractions;

namespace HybridAI.Native.OnnxRuntime.Tests.Format;

public class NodeTestCatalogTests(ITestOutputHelper output)
{
    private static readonly string Root = NodeTestCatalog.DebianRoot;

    [NodeTestDataFact]
    public void Every_node_test_model_and_value_file_parses_and_decodes()
    {
        IReadOnlyList<string> directories = NodeTestCatalog.FindTestDirectories(Root);
        var failures = new List<string>();
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var dataTypes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int dataSets = 0;
        int files = 0;

        foreach (string directory in directories)
        {
            try
            {
                NodeTestCase test = NodeTestCase.Load(directory);
                foreach (NodeTestDataSet set in test.DataSets)
                {
                    dataSets++;
                    Assert.Equal(test.Inputs.Count, set.Inputs.Count);
                    Assert.Equal(test.Outputs.Count, set.Outputs.Count);
                    foreach (ProtoValue value in set.Inputs.Concat(set.Outputs))
                    {
                        files++;
                        Count(kinds, value.Kind.ToString());
                        CountTensors(value, dataTypes);
                    }
                }
            }
            catch (Exception e) when (e is OnnxFormatException or NotSupportedException or IOException or Xunit.Sdk.XunitException)
            {
                failures.Add($"{Path.GetFileName(directory)}: {e.GetType().Name}: {e.Message}");
            }
        }

        output.WriteLine($"{directories.Count} tests, {dataSets} data sets, {files} .pb files");
        output.WriteLine("value kinds: " + string.Join(", ", kinds.Select(k => $"{k.Key}={k.Value}")));
        output.WriteLine("tensor data types: " + string.Join(", ", dataTypes.Select(k => $"{k.Key}={k.Value}")));
        foreach (string failure in failures)
        {
            output.WriteLine("FAILED " + failure);
        }

        Assert.Equal(932, directories.Count);
        Assert.Empty(failures);
        Assert.True(kinds.ContainsKey("Sequence") && kinds.ContainsKey("Optional"), "sequence and optional values are exercised");
    }

    [NodeTestDataFact]
    public void Catalog_load_reads_model_declarations()
    {
        IReadOnlyList<NodeTestCase> tests = NodeTestCatalog.Load(Root);
        NodeTestCase abs = tests.Single(t => t.Name == "test_abs");
        Assert.Equal("Abs", abs.Model.Graph!.Node[0].OpType);
        Assert.Equal(ProtoValueKind.Tensor, abs.Inputs[0].Type!.Kind);
        Assert.Equal(OnnxElementType.Float, abs.Inputs[0].Type!.TensorType!.ElemType);
        Assert.Equal([3L, 4L, 5L], abs.Inputs[0].Type!.TensorType!.Shape!.Dims.Select(d => d.Value!.Value));
        Assert.Contains(abs.Model.OpsetImport, o => string.IsNullOrEmpty(o.Domain) && o.Version > 0);

        NodeTestCase sequence = tests.Single(t => t.Name == "test_sequence_insert_at_back");
        Assert.Equal(ProtoValueKind.Sequence, sequence.Inputs[0].Type!.Kind);
        Assert.Equal(ProtoValueKind.Sequence, sequence.DataSets[0].Inputs[0].Kind);
        Assert.Equal(ProtoValueKind.Tensor, sequence.DataSets[0].Inputs[0].Sequence!.ElemType);

        NodeTestCase optional = tests.Single(t => t.Name == "test_optional_has_element_empty");
        Assert.Equal(ProtoValueKind.Optional, optional.Inputs[0].Type!.Kind);
        Assert.False(optional.DataSets[0].Inputs[0].Optional!.HasValue);
        Assert.Equal([false], optional.DataSets[0].Outputs[0].DecodeTensor().As<bool>());
    }

    [NodeTestDataFact]
    public void Abs_output_is_the_absolute_input()
    {
        NodeTestDataSet set = NodeTestCase.Load(Path.Combine(Root, "test_abs")).DataSets[0];
        ProtoTensor x = set.Inputs[0].DecodeTensor();
        float[] y = set.Outputs[0].DecodeTensor().As<float>();
        Assert.Equal(60, x.Length);
        Assert.Contains(x.As<float>(), v => v < 0);
        Assert.Equal(x.As<float>().Select(MathF.Abs), y);
    }

    [NodeTestDataFact]
    public void Add_output_is_the_sum_of_its_inputs()
    {
        NodeTestDataSet set = NodeTestCase.Load(Path.Combine(Root, "test_add")).DataSets[0];
        float[] a = set.Inputs[0].DecodeTensor().As<float>();
        float[] b = set.Inputs[1].DecodeTensor().As<float>();
        float[] sum = set.Outputs[0].DecodeTensor().As<float>();
        Assert.Equal(a.Zip(b, (p, q) => p + q), sum);
    }

    [NodeTestDataFact]
    public void Casts_keep_their_values()
    {
        NodeTestDataSet toDouble = NodeTestCase.Load(Path.Combine(Root, "test_cast_FLOAT_to_DOUBLE")).DataSets[0];
        float[] floats = toDouble.Inputs[0].DecodeTensor().As<float>();
        Assert.Equal(floats.Select(f => (double)f), toDouble.Outputs[0].DecodeTensor().As<double>());

        NodeTestDataSet toHalf = NodeTestCase.Load(Path.Combine(Root, "test_cast_FLOAT_to_FLOAT16")).DataSets[0];
        float[] source = toHalf.Inputs[0].DecodeTensor().As<float>();
        Half[] halves = toHalf.Outputs[0].DecodeTensor().As<Half>();
        for (int i = 0; i < source.Length; i++)
        {
            Assert.Equal((Half)source[i], halves[i]);
        }

        // ONNX 1.12's data declares the input BFLOAT16 but stores the bit patterns as a UINT16 tensor.
        NodeTestCase bf16Test = NodeTestCase.Load(Path.Combine(Root, "test_cast_BFLOAT16_to_FLOAT"));
        Assert.Equal(OnnxElementType.BFloat16, bf16Test.Inputs[0].Type!.TensorType!.ElemType);
        NodeTestDataSet fromBf16 = bf16Test.DataSets[0];
        BFloat16[] bf = fromBf16.Inputs[0].DecodeTensor().As<ushort>().Select(bits => new BFloat16(bits)).ToArray();
        float[] widened = fromBf16.Outputs[0].DecodeTensor().As<float>();
        Assert.Equal(bf.Select(v => BitConverter.SingleToUInt32Bits(v.ToSingle())), widened.Select(BitConverter.SingleToUInt32Bits));

        NodeTestDataSet toText = NodeTestCase.Load(Path.Combine(Root, "test_cast_STRING_to_FLOAT")).DataSets[0];
        string[] text = toText.Inputs[0].DecodeTensor().As<string>();
        float[] parsed = toText.Outputs[0].DecodeTensor().As<float>();
        for (int i = 0; i < text.Length; i++)
        {
            float expected = text[i].ToUpperInvariant() switch
            {
                "INF" or "+INF" => float.PositiveInfinity,
                "-INF" => float.NegativeInfinity,
                "NAN" => float.NaN,
                _ => float.Parse(text[i], System.Globalization.CultureInfo.InvariantCulture),
            };
            Assert.True(expected.Equals(parsed[i]), $"'{text[i]}' → {parsed[i]}");
        }
    }

    [NodeTestDataFact]
    public void A_truncated_real_file_fails_with_its_offset()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(Root, "test_abs", "model.onnx"));
        var error = Assert.Throws<OnnxFormatException>(() => ModelProto.Read(bytes.AsSpan(0, bytes.Length - 3)));
        Assert.StartsWith("ModelProto.", error.FieldPath, StringComparison.Ordinal);
        Assert.InRange(error.Offset, 0, bytes.Length);
    }

    private static void Count(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;

    private static void CountTensors(ProtoValue value, SortedDictionary<string, int> dataTypes)
    {
        switch (value.Kind)
        {
            case ProtoValueKind.Tensor: CountTensor(value.Tensor!, dataTypes); break;
            case ProtoValueKind.Sequence: CountSequence(value.Sequence!, dataTypes); break;
            case ProtoValueKind.Map: CountMap(value.Map!, dataTypes); break;
            case ProtoValueKind.Optional: CountOptional(value.Optional!, dataTypes); break;
        }
    }

    private static void CountTensor(TensorProto tensor, SortedDictionary<string, int> dataTypes)
    {
        ProtoTensor decoded = OnnxTensorData.Decode(tensor);
        long expected = decoded.Shape.Aggregate(1L, (p, d) => p * d);
        Assert.Equal(expected, decoded.Length);
        Count(dataTypes, decoded.DataType.ToString());
    }

    private static void CountSequence(SequenceProto sequence, SortedDictionary<string, int> dataTypes)
    {
        sequence.TensorValues.ForEach(t => CountTensor(t, dataTypes));
        sequence.SequenceValues.ForEach(s => CountSequence(s, dataTypes));
        sequence.MapValues.ForEach(m => CountMap(m, dataTypes));
        sequence.OptionalValues.ForEach(o => CountOptional(o, dataTypes));
    }

    private static void CountMap(MapProto map, SortedDictionary<string, int> dataTypes)
    {
        if (map.Values is not null)
        {
            CountSequence(map.Values, dataTypes);
        }
    }

    private static void CountOptional(OptionalProto optional, SortedDictionary<string, int> dataTypes)
    {
        if (optional.TensorValue is not null) CountTensor(optional.TensorValue, dataTypes);
        if (optional.SequenceValue is not null) CountSequence(optional.SequenceValue, dataTypes);
        if (optional.MapValue is not null) CountMap(optional.MapValue, dataTypes);
        if (optional.OptionalValue is not null) CountOptional(optional.OptionalValue, dataTypes);
    }
}
