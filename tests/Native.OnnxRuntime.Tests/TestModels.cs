using System.Text;

namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>
/// Tiny ONNX models written byte by byte (protobuf wire format) for shapes of output no shipped model here has:
/// scikit-learn's ZipMap (a sequence of maps), an optional that is None, sequences, custom metadata, a long loop.
/// </summary>
internal static class TestModels
{
    private const int Float = 1;
    private const int Bool = 9;
    private const int Int64 = 7;

    /// <summary>ZipMap (ai.onnx.ml) over X float[N,2] with int64 labels 0/1, as scikit-learn exports classifier probabilities.</summary>
    public static byte[] ZipMap(bool stringLabels)
    {
        var labels = stringLabels
            ? Attribute("classlabels_strings", 8, w => { w.Bytes(9, "no"u8.ToArray()); w.Bytes(9, "yes"u8.ToArray()); })
            : Attribute("classlabels_int64s", 7, w => { w.Varint(8, 0); w.Varint(8, 1); });
        var valueType = TensorType(Float);
        var map = Msg(w => w.Message(5, Msg(m => { m.Varint(1, stringLabels ? 8 : Int64); m.Message(2, valueType); })));
        var output = Msg(w => w.Message(4, Msg(s => s.Message(1, map))));
        var graph = Graph(
            "zipmap",
            [Node("ZipMap", ["X"], ["Z"], "ai.onnx.ml", labels)],
            [ValueInfo("X", TensorType(Float, "N", 2))],
            [ValueInfo("Z", output)]);
        return Model(graph, [("", 13), ("ai.onnx.ml", 1)]);
    }

    /// <summary>Y = Optional() with no input (None) and W = Optional(X) (has a value).</summary>
    public static byte[] Optionals()
    {
        var optionalFloat = Msg(w => w.Message(9, Msg(o => o.Message(1, TensorType(Float)))));
        var typeAttribute = Msg(a => { a.String(1, "type"); a.Varint(20, 13); a.Message(14, TensorType(Float)); });
        var graph = Graph(
            "optionals",
            [Node("Optional", [], ["Y"], "", typeAttribute), Node("Optional", ["X"], ["W"], "")],
            [ValueInfo("X", TensorType(Float, 2))],
            [ValueInfo("Y", optionalFloat), ValueInfo("W", optionalFloat)]);
        return Model(graph, [("", 15)]);
    }

    /// <summary>S = SequenceConstruct(X, Y): a sequence of two float tensors.</summary>
    public static byte[] Sequence()
    {
        var sequence = Msg(w => w.Message(4, Msg(s => s.Message(1, TensorType(Float)))));
        var graph = Graph(
            "sequence",
            [Node("SequenceConstruct", ["X", "Y"], ["S"], "")],
            [ValueInfo("X", TensorType(Float, "A")), ValueInfo("Y", TensorType(Float, "B"))],
            [ValueInfo("S", sequence)]);
        return Model(graph, [("", 13)]);
    }

    /// <summary>Identity over X float[N,3], with every metadata field set.</summary>
    public static byte[] WithMetadata() => Model(
        Graph("described_graph", [Node("Identity", ["X"], ["Y"], "")], [ValueInfo("X", TensorType(Float, "batch", 3))], [ValueInfo("Y", TensorType(Float, "batch", 3))]),
        [("", 13)],
        w =>
        {
            w.String(2, "hybridai-tests");
            w.String(4, "ai.hybrid.tests");
            w.Varint(5, 7);
            w.String(6, "A model that copies its input.");
            w.Message(14, Msg(e => { e.String(1, "owner"); e.String(2, "platform-team"); }));
            w.Message(14, Msg(e => { e.String(1, "labels"); e.String(2, "spam,ham"); }));
        });

    /// <summary>A Loop that copies X for M iterations: with a huge M it runs until terminated.</summary>
    public static byte[] LongLoop()
    {
        var body = Msg(g =>
        {
            g.Message(1, Node("Identity", ["cond_in"], ["cond_out"], ""));
            g.Message(1, Node("Identity", ["x_in"], ["x_out"], ""));
            g.String(2, "body");
            g.Message(11, ValueInfo("i", TensorType(Int64)));
            g.Message(11, ValueInfo("cond_in", TensorType(Bool)));
            g.Message(11, ValueInfo("x_in", TensorType(Float, 1)));
            g.Message(12, ValueInfo("cond_out", TensorType(Bool)));
            g.Message(12, ValueInfo("x_out", TensorType(Float, 1)));
        });
        var bodyAttribute = Msg(a => { a.String(1, "body"); a.Varint(20, 5); a.Message(6, body); });
        var graph = Graph(
            "loop",
            [Node("Loop", ["M", "", "X"], ["Y"], "", bodyAttribute)],
            [ValueInfo("M", TensorType(Int64)), ValueInfo("X", TensorType(Float, 1))],
            [ValueInfo("Y", TensorType(Float, 1))]);
        return Model(graph, [("", 13)]);
    }

    private static byte[] Model(byte[] graph, (string Domain, int Version)[] opsets, Action<ProtoWriter>? extra = null) => Msg(w =>
    {
        w.Varint(1, 8);
        foreach (var (domain, version) in opsets)
        {
            w.Message(8, Msg(o => { o.String(1, domain); o.Varint(2, version); }));
        }

        w.Message(7, graph);
        extra?.Invoke(w);
    });

    private static byte[] Graph(string name, byte[][] nodes, byte[][] inputs, byte[][] outputs) => Msg(w =>
    {
        foreach (var node in nodes)
        {
            w.Message(1, node);
        }

        w.String(2, name);
        foreach (var input in inputs)
        {
            w.Message(11, input);
        }

        foreach (var output in outputs)
        {
            w.Message(12, output);
        }
    });

    private static byte[] Node(string op, string[] inputs, string[] outputs, string domain, params byte[][] attributes) => Msg(w =>
    {
        foreach (var input in inputs)
        {
            w.String(1, input);
        }

        foreach (var output in outputs)
        {
            w.String(2, output);
        }

        w.String(4, op);
        foreach (var attribute in attributes)
        {
            w.Message(5, attribute);
        }

        if (domain.Length > 0)
        {
            w.String(7, domain);
        }
    });

    private static byte[] Attribute(string name, int type, Action<ProtoWriter> values) => Msg(w =>
    {
        w.String(1, name);
        values(w);
        w.Varint(20, type);
    });

    private static byte[] ValueInfo(string name, byte[] type) => Msg(w => { w.String(1, name); w.Message(2, type); });

    /// <summary>A TypeProto for a tensor; each dimension is a size (int) or a symbolic name (string).</summary>
    private static byte[] TensorType(int elementType, params object[] dims) => Msg(w => w.Message(1, Msg(t =>
    {
        t.Varint(1, elementType);
        if (elementType == Int64 || elementType == Bool || dims.Length > 0)
        {
            t.Message(2, Msg(s =>
            {
                foreach (var dim in dims)
                {
                    s.Message(1, Msg(d =>
                    {
                        if (dim is string symbol)
                        {
                            d.String(2, symbol);
                        }
                        else
                        {
                            d.Varint(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }));
                }
            }));
        }
    })));

    private static byte[] Msg(Action<ProtoWriter> write)
    {
        var writer = new ProtoWriter();
        write(writer);
        return writer.ToArray();
    }

    private sealed class ProtoWriter
    {
        private readonly List<byte> _bytes = [];

        public void Varint(int field, long value)
        {
            Raw(((ulong)field << 3) | 0);
            Raw((ulong)value);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Message(int field, byte[] value) => Bytes(field, value);

        public void Bytes(int field, byte[] value)
        {
            Raw(((ulong)field << 3) | 2);
            Raw((ulong)value.Length);
            _bytes.AddRange(value);
        }

        public byte[] ToArray() => [.. _bytes];

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.Add((byte)(value | 0x80));
                value >>= 7;
            }

            _bytes.Add((byte)value);
        }
    }
}
