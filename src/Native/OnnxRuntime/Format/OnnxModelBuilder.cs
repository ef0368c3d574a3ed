namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// Builds a small ONNX model in code: opset imports, typed inputs and outputs, initializers and nodes.
/// </summary>
/// <example>
/// <code>
/// byte[] onnx = new OnnxModelBuilder("linear")
///     .ImportOpset("", 17)
///     .Input("X", TypeProto.Tensor(OnnxElementType.Float, "batch", 3))
///     .Initializer(OnnxTensorData.FromValues("W", [3, 1], new float[] { 0.5f, -1f, 2f }))
///     .Node("MatMul", ["X", "W"], ["Y"])
///     .Output("Y", TypeProto.Tensor(OnnxElementType.Float, "batch", 1))
///     .Build()
///     .ToByteArray();
/// </code>
/// </example>
public sealed class OnnxModelBuilder
{
    /// <summary>The ONNX IR version written unless <see cref="IrVersion"/> says otherwise (8: ONNX 1.10–1.12).</summary>
    public const long DefaultIrVersion = 8;

    /// <summary>The domain of the classic machine-learning operators (LinearClassifier, TreeEnsemble…).</summary>
    public const string MLDomain = "ai.onnx.ml";

    private readonly GraphProto _graph;
    private readonly ModelProto _model;

    /// <summary>Starts a model whose graph is called <paramref name="graphName"/>.</summary>
    public OnnxModelBuilder(string graphName)
    {
        ArgumentException.ThrowIfNullOrEmpty(graphName);
        _graph = new GraphProto { Name = graphName };
        _model = new ModelProto { IrVersion = DefaultIrVersion, ProducerName = "HybridAI", Graph = _graph };
    }

    /// <summary>Sets the IR version.</summary>
    public OnnxModelBuilder IrVersion(long version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 3);
        _model.IrVersion = version;
        return this;
    }

    /// <summary>Sets the producer name and version recorded in the file.</summary>
    public OnnxModelBuilder Producer(string name, string? version = null)
    {
        _model.ProducerName = name;
        _model.ProducerVersion = version;
        return this;
    }

    /// <summary>Imports an operator set: "" is ai.onnx, <see cref="MLDomain"/> the ML operators. A repeated domain keeps the last version.</summary>
    public OnnxModelBuilder ImportOpset(string domain, long version)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        foreach (OperatorSetIdProto existing in _model.OpsetImport)
        {
            if (string.Equals(existing.Domain ?? string.Empty, domain, StringComparison.Ordinal))
            {
                existing.Version = version;
                return this;
            }
        }

        _model.OpsetImport.Add(new OperatorSetIdProto(domain, version));
        return this;
    }

    /// <summary>Adds a key/value pair to the model's metadata.</summary>
    public OnnxModelBuilder Metadata(string key, string value)
    {
        _model.MetadataProps.Add(new StringStringEntryProto(key, value));
        return this;
    }

    /// <summary>Declares a graph input.</summary>
    public OnnxModelBuilder Input(string name, TypeProto type)
    {
        _graph.Input.Add(new ValueInfoProto(Required(name), type ?? throw new ArgumentNullException(nameof(type))));
        return this;
    }

    /// <summary>Declares a graph output.</summary>
    public OnnxModelBuilder Output(string name, TypeProto type)
    {
        _graph.Output.Add(new ValueInfoProto(Required(name), type ?? throw new ArgumentNullException(nameof(type))));
        return this;
    }

    /// <summary>Adds a named constant tensor (weights); it must have a name nodes can refer to.</summary>
    public OnnxModelBuilder Initializer(TensorProto tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Required(tensor.Name!);
        _graph.Initializer.Add(tensor);
        return this;
    }

    /// <summary>Adds a node; nodes must be added in topological order.</summary>
    public OnnxModelBuilder Node(string opType, IEnumerable<string> inputs, IEnumerable<string> outputs, string? domain = null, string? name = null, params ReadOnlySpan<AttributeProto> attributes)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputs);
        var node = new NodeProto { OpType = Required(opType), Domain = domain, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        _graph.Node.Add(node);
        return this;
    }

    /// <summary>The model built so far (the builder keeps it; build once).</summary>
    /// <exception cref="InvalidOperationException">No opset is imported or the graph has no output.</exception>
    public ModelProto Build()
    {
        if (_model.OpsetImport.Count == 0)
        {
            throw new InvalidOperationException($"Model '{_graph.Name}' imports no operator set; call ImportOpset(\"\", version).");
        }

        if (_graph.Output.Count == 0)
        {
            throw new InvalidOperationException($"Model '{_graph.Name}' declares no output.");
        }

        return _model;
    }

    private static string Required(string value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameter);
        return value;
    }
}
