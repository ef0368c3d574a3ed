namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>Every element type ORT supports goes in and comes back out, through real ONNX node-test models.</summary>
public sealed class ElementTypeTests
{
    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_identity/model.onnx")]
    public void Float_passes_through_identity()
    {
        float[] data = [1.5f, -2f, 3.25f, 0f];
        var (output, shape) = RunOne<float, float>("test_identity", data, [1, 1, 2, 2]);

        Assert.Equal(data, output);
        Assert.Equal([1L, 1L, 2L, 2L], shape);
    }

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_cast_FLOAT_to_DOUBLE/model.onnx")]
    public void Float_casts_to_double() =>
        Assert.Equal(Twelve.Select(f => (double)f), RunOne<float, double>("test_cast_FLOAT_to_DOUBLE", Twelve, [3, 4]).Output);

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_cast_FLOAT_to_FLOAT16/model.onnx")]
    public void Float_casts_to_half_and_half_casts_back()
    {
        var halves = RunOne<float, Half>("test_cast_FLOAT_to_FLOAT16", Twelve, [3, 4]).Output;
        Assert.Equal(Twelve.Select(f => (Half)f), halves);

        var floats = RunOne<Half, float>("test_cast_FLOAT16_to_FLOAT", halves, [3, 4]).Output;
        Assert.Equal(Twelve.Select(f => (float)(Half)f), floats);
    }

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_cast_FLOAT_to_BFLOAT16/model.onnx")]
    public void Float_casts_to_bfloat16_and_back()
    {
        // All of these are exact in bfloat16 (8 significant bits), so the cast must give them back unchanged.
        var brains = RunOne<float, BFloat16>("test_cast_FLOAT_to_BFLOAT16", Twelve, [3, 4]).Output;
        Assert.Equal(Twelve, brains.Select(b => b.ToSingle()));

        var floats = RunOne<BFloat16, float>("test_cast_BFLOAT16_to_FLOAT", brains, [3, 4]).Output;
        Assert.Equal(Twelve, floats);
    }

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_not_2d/model.onnx")]
    public void Bool_is_negated_by_not()
    {
        bool[] data = [true, false, false, true, true, true, false, false, true, false, true, false];
        var (output, _) = RunOne<bool, bool>("test_not_2d", data, [3, 4]);

        Assert.Equal(data.Select(b => !b), output);
    }

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_cast_FLOAT_to_STRING/model.onnx")]
    public void Strings_come_out_of_a_cast_and_go_back_in()
    {
        using var toText = OnnxSession.FromFile(Models.Node("test_cast_FLOAT_to_STRING"));
        using var numbers = OnnxTensor.Create(Twelve, 3, 4);
        using var text = toText.Run(new Dictionary<string, OnnxTensor> { [toText.Inputs[0].Name] = numbers });
        var strings = text[0].ToArray<string>();
        Assert.Equal(OnnxElementType.String, text[0].AsTensor().ElementType);
        Assert.Equal(Twelve, strings.Select(s => float.Parse(s, System.Globalization.CultureInfo.InvariantCulture)));

        using var toNumber = OnnxSession.FromFile(Models.Node("test_cast_STRING_to_FLOAT"));
        using var input = OnnxTensor.CreateStrings(["3.5", "-1", "0.125", "1e3", "0", "2", "4", "8", "16", "-0.5", "7", "9"], 3, 4);
        using var back = toNumber.Run(new Dictionary<string, OnnxTensor> { [toNumber.Inputs[0].Name] = input });
        Assert.Equal([3.5f, -1f, 0.125f, 1000f, 0f, 2f, 4f, 8f, 16f, -0.5f, 7f, 9f], back[0].ToArray<float>());
    }

    [NativeFact]
    public void String_tensors_round_trip_unicode_and_empty_strings()
    {
        using var tensor = OnnxTensor.CreateStrings(["", "héllo", "日本", "a\tb"], 4);

        Assert.Equal(["", "héllo", "日本", "a\tb"], tensor.ToArray<string>());
        Assert.Equal([4L], tensor.Shape);
    }

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_max_int8/model.onnx")]
    public void Int8_max() => AssertMax<sbyte>("test_max_int8", [-128, 5, 7], [3, -4, 127]);

    // ORT's CPU Max has no 16-bit kernels, so 16-bit types go through Mod (fmod=0: the result takes the divisor's sign).
    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_mod_mixed_sign_int16/model.onnx")]
    public void Int16_mod() => AssertBinary<short>("test_mod_mixed_sign_int16", [-4, 7, 5, 4, -7, 8], [2, -3, 8, -2, 3, 5], (a, b) => (short)((((a % b) + b) % b)));

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_max_int32/model.onnx")]
    public void Int32_max() => AssertMax("test_max_int32", [int.MinValue, 5, 7], [3, -4, int.MaxValue]);

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_max_int64/model.onnx")]
    public void Int64_max() => AssertMax("test_max_int64", [long.MinValue, 5, 7], [3, -4, long.MaxValue]);

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_max_uint8/model.onnx")]
    public void UInt8_max() => AssertMax<byte>("test_max_uint8", [0, 200, 7], [3, 4, 255]);

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_mod_uint16/model.onnx")]
    public void UInt16_mod() => AssertBinary<ushort>("test_mod_uint16", [4, 60000, 7], [3, 7, 65535], (a, b) => (ushort)(a % b));

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_max_uint32/model.onnx")]
    public void UInt32_max() => AssertMax("test_max_uint32", [0u, 4_000_000_000u, 7u], [3u, 4u, uint.MaxValue]);

    [NativeFact(Needs = "/usr/share/libonnx-testdata/data/node/test_max_uint64/model.onnx")]
    public void UInt64_max() => AssertMax("test_max_uint64", [0ul, 18_000_000_000_000_000_000ul, 7ul], [3ul, 4ul, ulong.MaxValue]);

    [NativeFact]
    public void A_tensor_refuses_to_be_read_as_another_type()
    {
        using var tensor = OnnxTensor.Create([1f, 2f], 2);

        var e = Assert.Throws<InvalidOperationException>(() => tensor.ToArray<double>());
        Assert.Contains("Float", e.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => OnnxTensor.Create([DateTime.Now], 1));
    }

    [NativeFact]
    public void A_shape_that_does_not_hold_the_data_is_refused_before_ort_sees_it()
    {
        var e = Assert.Throws<ArgumentException>(() => OnnxTensor.Create([1f, 2f, 3f], 2, 2));
        Assert.Contains("[2, 2]", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => OnnxTensor.Create([1f], -1));
    }

    [NativeFact]
    public void CopyTo_fills_a_span_without_a_new_array()
    {
        using var tensor = OnnxTensor.Create<int>([4, 5, 6], 3);
        Span<int> into = stackalloc int[3];

        tensor.CopyTo(into);

        Assert.Equal([4, 5, 6], into.ToArray());
    }

    private static readonly float[] Twelve = [0.5f, -2f, 3.140625f, 65536f, 0f, 1f, -0.25f, 96f, 1024f, -3f, 0.75f, 12f];

    private static void AssertMax<T>(string test, T[] a, T[] b)
        where T : unmanaged, IComparable<T> => AssertBinary(test, a, b, (x, y) => x.CompareTo(y) >= 0 ? x : y);

    private static void AssertBinary<T>(string test, T[] a, T[] b, Func<T, T, T> expected)
        where T : unmanaged
    {
        using var session = OnnxSession.FromFile(Models.Node(test));
        using var left = OnnxTensor.Create(a, a.Length);
        using var right = OnnxTensor.Create(b, b.Length);
        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { [session.Inputs[0].Name] = left, [session.Inputs[1].Name] = right });

        Assert.Equal(a.Zip(b, expected), outputs[0].ToArray<T>());
        Assert.Equal(session.Inputs[0].ElementType, outputs[0].AsTensor().ElementType);
    }

    private static (TOut[] Output, IReadOnlyList<long> Shape) RunOne<TIn, TOut>(string test, TIn[] data, long[] shape)
        where TIn : unmanaged
    {
        using var session = OnnxSession.FromFile(Models.Node(test));
        using var input = OnnxTensor.Create(data, shape);
        using var outputs = session.Run(new Dictionary<string, OnnxTensor> { [session.Inputs[0].Name] = input });
        var tensor = outputs[0].AsTensor();
        return (tensor.ToArray<TOut>(), tensor.Shape.ToArray());
    }
}
