namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>
/// One ONNX backend node test (a folder of the ONNX test data, e.g. Debian's libonnx-testdata):
/// <c>model.onnx</c> plus <c>test_data_set_N/input_K.pb</c> and <c>output_K.pb</c>, each .pb parsed as the message
/// the model declares for that input or output (tensor, sequence, map or optional).
/// </summary>
/// <example>
/// <code>
/// NodeTestCase abs = NodeTestCase.Load("/usr/share/libonnx-testdata/data/node/test_abs");
/// float[] x = abs.DataSets[0].Inputs[0].DecodeTensor().As&lt;float&gt;();
/// float[] expected = abs.DataSets[0].Outputs[0].DecodeTensor().As&lt;float&gt;();
/// </code>
/// </example>
public sealed class NodeTestCase
{
    private NodeTestCase(string name, string directory, ModelProto model, IReadOnlyList<ValueInfoProto> inputs, IReadOnlyList<NodeTestDataSet> dataSets)
    {
        Name = name;
        Directory = directory;
        Model = model;
        Inputs = inputs;
        Outputs = model.Graph!.Output;
        DataSets = dataSets;
    }

    /// <summary>The folder name, e.g. <c>test_abs</c>.</summary>
    public string Name { get; }

    /// <summary>The test's folder.</summary>
    public string Directory { get; }

    /// <summary>The parsed <c>model.onnx</c>.</summary>
    public ModelProto Model { get; }

    /// <summary>The graph inputs the data sets feed (declared inputs that are not initializers).</summary>
    public IReadOnlyList<ValueInfoProto> Inputs { get; }

    /// <summary>The graph outputs the data sets expect.</summary>
    public IReadOnlyList<ValueInfoProto> Outputs { get; }

    /// <summary>The <c>test_data_set_N</c> folders, in N order.</summary>
    public IReadOnlyList<NodeTestDataSet> DataSets { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Reads one test folder.</summary>
    /// <exception cref="FileNotFoundException">No model.onnx in the folder.</exception>
    /// <exception cref="OnnxFormatException">A file is malformed or has more values than the graph declares; the message names the file.</exception>
    public static NodeTestCase Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string modelPath = Path.Combine(directory, "model.onnx");
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"The ONNX node test folder has no model.onnx: {directory}", modelPath);
        }

        ModelProto model = ReadFile(modelPath, static bytes => ModelProto.Read(bytes));
        GraphProto graph = model.Graph ?? throw new OnnxFormatException($"{modelPath}: the model has no graph.");
        List<ValueInfoProto> inputs = FedInputs(graph);

        var dataSets = new List<NodeTestDataSet>();
        foreach (string setDirectory in Numbered(System.IO.Directory.GetDirectories(directory, "test_data_set_*"), "test_data_set_"))
        {
            dataSets.Add(new NodeTestDataSet(
                setDirectory,
                ReadValues(setDirectory, "input_", inputs),
                ReadValues(setDirectory, "output_", graph.Output)));
        }

        return new NodeTestCase(Path.GetFileName(Path.TrimEndingDirectorySeparator(directory)), directory, model, inputs, dataSets);
    }

    private static List<ValueInfoProto> FedInputs(GraphProto graph)
    {
        var initialized = new HashSet<string>(StringComparer.Ordinal);
        foreach (TensorProto initializer in graph.Initializer)
        {
            if (initializer.Name is not null)
            {
                initialized.Add(initializer.Name);
            }
        }

        var inputs = new List<ValueInfoProto>(graph.Input.Count);
        foreach (ValueInfoProto input in graph.Input)
        {
            if (input.Name is null || !initialized.Contains(input.Name))
            {
                inputs.Add(input);
            }
        }

        return inputs;
    }

    private static List<ProtoValue> ReadValues(string setDirectory, string prefix, List<ValueInfoProto> declared)
    {
        var values = new List<ProtoValue>();
        foreach (string path in Numbered(System.IO.Directory.GetFiles(setDirectory, prefix + "*.pb"), prefix))
        {
            int index = values.Count;
            if (index >= declared.Count)
            {
                throw new OnnxFormatException($"{path}: the graph declares only {declared.Count} {prefix.TrimEnd('_')}s.");
            }

            TypeProto type = declared[index].Type
                ?? throw new OnnxFormatException($"{path}: graph {prefix.TrimEnd('_')} '{declared[index].Name}' has no type.");
            values.Add(ReadFile(path, bytes => ProtoValue.Read(bytes, type)));
        }

        return values;
    }

    // Names end in a number that must sort numerically (input_10 after input_9); entries that do not are ignored.
    private static List<string> Numbered(string[] paths, string prefix)
    {
        var numbered = new List<(int Number, string Path)>(paths.Length);
        foreach (string path in paths)
        {
            string name = Path.GetFileNameWithoutExtension(path);
            if (int.TryParse(name.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number))
            {
                numbered.Add((number, path));
            }
        }

        numbered.Sort(static (a, b) => a.Number.CompareTo(b.Number));
        var sorted = new List<string>(numbered.Count);
        foreach ((_, string path) in numbered)
        {
            sorted.Add(path);
        }

        return sorted;
    }

    private static T ReadFile<T>(string path, Func<byte[], T> parse)
    {
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            return parse(bytes);
        }
        catch (OnnxFormatException e)
        {
            throw new OnnxFormatException($"{path}: {e.Message}", e);
        }
    }
}
