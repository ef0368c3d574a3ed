using System.Globalization;
using HybridAI.Abstractions.Classification;
using HybridAI.Classifiers.Data;
using HybridAI.Native.OnnxRuntime;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Classifiers.Onnx;

/// <summary>
/// Any ONNX classifier run in ONNX Runtime: models written by <see cref="OnnxExporter"/> (probability tensor [N, C])
/// or by skl2onnx (probabilities as a ZipMap: one map from label to probability per row). It reads a float feature
/// vector (<see cref="Classify(IReadOnlyList{float[]})"/>), raw table columns matched to the graph inputs by name
/// (<see cref="Classify(TabularData)"/>) or raw texts (<see cref="ClassifyTexts"/>), as the graph's inputs ask.
/// Reports no feature contributions, since the graph does not expose them. Implements <see cref="IBatchClassifier{TInput}"/>
/// with one session run over an [N, D] tensor, so a workflow step with <c>WithBatching</c> shares the run's fixed cost.
/// </summary>
/// <example>
/// <code>
/// using var classifier = OnnxClassifier.FromFile("churn.onnx", new OnnxClassifierOptions
/// {
///     InputName = "float_input", LabelOutput = "output_label", ProbabilitiesOutput = "output_probability",
/// });
/// Classification c = classifier.Classify([0.3f, 1.2f, 5f]);
/// Console.WriteLine($"{c.Label} {c.Confidence:P0}");
/// </code>
/// </example>
public sealed class OnnxClassifier : IBatchClassifier<float[]>, IDisposable
{
    private readonly OnnxSession _session;
    private readonly string? _input;
    private readonly string[] _outputs;
    private readonly string? _labelOutput;
    private readonly string _probabilitiesOutput;
    private readonly string[] _labels;
    private readonly Dictionary<string, int> _labelIndex;

    private OnnxClassifier(OnnxSession session, string[] labels, string? input, OnnxClassifierOptions options)
    {
        _session = session;
        _labels = labels;
        _input = input;
        _labelOutput = options.LabelOutput;
        _probabilitiesOutput = options.ProbabilitiesOutput;
        _outputs = _labelOutput is null ? [_probabilitiesOutput] : [_labelOutput, _probabilitiesOutput];
        _labelIndex = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            if (!_labelIndex.TryAdd(labels[i], i))
            {
                throw new ArgumentException($"Label #{i} repeats an earlier label; labels must be distinct.", nameof(options));
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>The graph's inputs as ONNX Runtime sees them: a feature vector, one per table column, or the texts.</summary>
    public IReadOnlyList<OnnxValueInfo> Inputs => _session.Inputs;

    /// <summary>Loads a model from its bytes.</summary>
    /// <exception cref="ArgumentException">An input or output named in <paramref name="options"/> is not in the model, or the labels cannot be found.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejects the model.</exception>
    public static OnnxClassifier FromBytes(ReadOnlySpan<byte> model, OnnxClassifierOptions? options = null)
    {
        options ??= new OnnxClassifierOptions();
        var labels = options.Labels?.ToArray() ?? OnnxLabels.Find(ModelProto.Read(model), options.ProbabilitiesOutput, options.LabelOutput)
            ?? throw new ArgumentException("The model does not name its labels (no ZipMap, classlabels or LabelEncoder); set OnnxClassifierOptions.Labels.", nameof(options));
        var session = OnnxSession.FromBytes(model);
        try
        {
            return new OnnxClassifier(session, labels, Check(session, options), options);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Loads a model from a .onnx file.</summary>
    /// <exception cref="ArgumentException">An input or output named in <paramref name="options"/> is not in the model, or the labels cannot be found.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime rejects the model.</exception>
    public static OnnxClassifier FromFile(string path, OnnxClassifierOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromBytes(File.ReadAllBytes(path), options);
    }

    /// <inheritdoc />
    public Classification Classify(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Classify([input])[0];
    }

    /// <summary>Classifies many feature vectors of equal length in one run over an [N, D] tensor.</summary>
    /// <exception cref="ArgumentException">The vectors differ in length, or there are none.</exception>
    /// <exception cref="InvalidOperationException">The model's outputs do not fit its labels (wrong column count, unknown label).</exception>
    public IReadOnlyList<Classification> Classify(IReadOnlyList<float[]> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("There are no rows to classify.", nameof(inputs));
        }

        var d = inputs[0]?.Length ?? throw new ArgumentException("Row 0 is null.", nameof(inputs));
        var batch = new float[inputs.Count * d];
        for (var r = 0; r < inputs.Count; r++)
        {
            var row = inputs[r] ?? throw new ArgumentException($"Row {r} is null.", nameof(inputs));
            if (row.Length != d)
            {
                throw new ArgumentException($"Row {r} has {row.Length} features but row 0 has {d}.", nameof(inputs));
            }

            row.CopyTo(batch, r * d);
        }

        var input = _input ?? throw new InvalidOperationException($"The model has {_session.Inputs.Count} inputs ({InputList()}); set OnnxClassifierOptions.InputName to the one holding the feature vector, or classify a table.");
        using var tensor = OnnxTensor.Create(batch, inputs.Count, d);
        return Run(new Dictionary<string, OnnxTensor>(1) { [input] = tensor }, inputs.Count);
    }

    /// <summary>
    /// Classifies texts with a model whose one input is a string tensor ([N] or [N, 1]), such as
    /// <see cref="OnnxExporter.ExportEndToEnd(TextClassifier)"/> writes.
    /// </summary>
    /// <exception cref="ArgumentException">There are no texts, or one is null.</exception>
    /// <exception cref="InvalidOperationException">The model does not read texts (for instance it expects a featurized vector); the message says what it reads.</exception>
    public IReadOnlyList<Classification> ClassifyTexts(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            throw new ArgumentException("There are no texts to classify.", nameof(texts));
        }

        var inputs = _session.Inputs;
        if (inputs.Count != 1 || inputs[0].Kind != OnnxValueKind.Tensor || inputs[0].ElementType != OnnxElementType.String)
        {
            throw new InvalidOperationException($"The model does not read raw text: it expects {Describe()}. {FeatureVectorHint()}");
        }

        var batch = new string[texts.Count];
        for (var i = 0; i < batch.Length; i++)
        {
            batch[i] = texts[i] ?? throw new ArgumentException($"Text {i} is null.", nameof(texts));
        }

        using var tensor = inputs[0].Shape.Length == 2 ? OnnxTensor.CreateStrings(batch, batch.Length, 1) : OnnxTensor.CreateStrings(batch, batch.Length);
        return Run(new Dictionary<string, OnnxTensor>(1) { [inputs[0].Name] = tensor }, batch.Length);
    }

    /// <summary>
    /// Classifies every row of <paramref name="rows"/> with a model that reads raw columns, such as
    /// <see cref="OnnxExporter.ExportEndToEnd(Tabular.TabularClassifier)"/> writes: each graph input, shape [N, 1] (or [N]),
    /// is filled from the column of the same name — numbers as double or float (NaN = missing), categories as strings
    /// ("" = missing). Other columns, such as the label, are ignored.
    /// </summary>
    /// <exception cref="ArgumentException">The table has no rows, or lacks a column an input needs.</exception>
    /// <exception cref="InvalidOperationException">An input is neither a number nor a string tensor, as for a model expecting a featurized vector.</exception>
    /// <exception cref="TabularDataException">A numeric input's column holds text that is not a number.</exception>
    public IReadOnlyList<Classification> Classify(TabularData rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var n = rows.RowCount;
        if (n == 0)
        {
            throw new ArgumentException("There are no rows to classify.", nameof(rows));
        }

        var tensors = new Dictionary<string, OnnxTensor>(_session.Inputs.Count);
        try
        {
            foreach (var input in _session.Inputs)
            {
                tensors[input.Name] = ColumnTensor(input, rows);
            }

            return Run(tensors, n);
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Dispose();

    private OnnxTensor ColumnTensor(OnnxValueInfo input, TabularData rows)
    {
        var n = rows.RowCount;
        long[] shape = input.Shape.Length == 1 ? [n] : [n, 1];
        if (input.Kind != OnnxValueKind.Tensor || input.Shape.Length is not (1 or 2) || (input.Shape.Length == 2 && input.Shape[1] is not (1 or -1)))
        {
            throw new InvalidOperationException($"The model does not read raw columns: it expects {Describe()}. {FeatureVectorHint()}");
        }

        if (!rows.TryGetColumn(input.Name, out var column))
        {
            throw new ArgumentException($"The data has no column '{input.Name}', which the model reads (it reads: {InputList()}).", nameof(rows));
        }

        switch (input.ElementType)
        {
            case OnnxElementType.String:
                var text = new string[n];
                for (var i = 0; i < n; i++)
                {
                    text[i] = column.LabelAt(i) ?? string.Empty;
                }

                return OnnxTensor.CreateStrings(text, shape);
            case OnnxElementType.Double or OnnxElementType.Float:
                var numbers = new double[n];
                for (var i = 0; i < n; i++)
                {
                    numbers[i] = column.Kind == TabularColumnKind.Numeric ? column.Numbers[i] : rows.Row(i).Number(input.Name);
                }

                return input.ElementType == OnnxElementType.Double
                    ? OnnxTensor.Create(numbers, shape)
                    : OnnxTensor.Create(Array.ConvertAll(numbers, v => (float)v), shape);
            default:
                throw new InvalidOperationException($"Input '{input.Name}' holds {input.ElementType} values; a column can feed only string, double or float inputs.");
        }
    }

    /// <summary>"features: float [N, 262144]" for each input, as an error message shows them.</summary>
    private string Describe() => string.Join("; ", _session.Inputs.Select(i =>
        $"'{i.Name}' {i.ElementType.ToString().ToLowerInvariant()} [{string.Join(", ", i.Shape.Select((d, j) => d >= 0 ? d.ToString(CultureInfo.InvariantCulture) : j < i.SymbolicDims.Length && i.SymbolicDims[j].Length > 0 ? i.SymbolicDims[j] : "?"))}]"));

    private string FeatureVectorHint() =>
        _session.Inputs.Count == 1 && _session.Inputs[0].ElementType == OnnxElementType.Float && _session.Inputs[0].Shape.Length == 2 && _session.Inputs[0].Shape[1] != 1
            ? "That is a featurized vector: featurize the rows first (TextFeaturizer or TabularFeaturizer), or export the model end to end."
            : string.Empty;

    private string InputList() => string.Join(", ", _session.Inputs.Select(i => i.Name));

    private Classification[] Run(Dictionary<string, OnnxTensor> inputs, int rows)
    {
        using var result = _session.Run(inputs, _outputs);
        var probabilities = Probabilities(result[_probabilitiesOutput], rows);
        var chosen = _labelOutput is null ? null : ChosenLabels(result[_labelOutput]);
        var k = _labels.Length;
        var answers = new Classification[rows];
        for (var r = 0; r < answers.Length; r++)
        {
            var p = new double[k];
            for (var c = 0; c < k; c++)
            {
                p[c] = probabilities[(r * k) + c];
            }

            var best = chosen is null ? ArgMax(p) : IndexOf(chosen[r], r);
            answers[r] = new Classification(_labels[best], p[best], p, []);
        }

        return answers;
    }

    private static string? Check(OnnxSession session, OnnxClassifierOptions options)
    {
        string? input;
        if (options.InputName is null)
        {
            // A model with several inputs reads columns by name; only a feature vector needs InputName.
            input = session.Inputs.Count == 1 ? session.Inputs[0].Name : null;
        }
        else
        {
            input = session.Inputs.Any(i => i.Name == options.InputName)
                ? options.InputName
                : throw new ArgumentException($"The model has no input '{options.InputName}' (it has: {string.Join(", ", session.Inputs.Select(i => i.Name))}).", nameof(options));
        }

        foreach (var output in new[] { options.LabelOutput, options.ProbabilitiesOutput })
        {
            if (output is not null && !session.Outputs.Any(o => o.Name == output))
            {
                throw new ArgumentException($"The model has no output '{output}' (it has: {string.Join(", ", session.Outputs.Select(o => o.Name))}).", nameof(options));
            }
        }

        return input;
    }

    /// <summary>Row-major [N, C] probabilities from either a float tensor or a sequence of per-row maps.</summary>
    private float[] Probabilities(OnnxValue value, int rows)
    {
        var k = _labels.Length;
        if (value.Kind == OnnxValueKind.Tensor)
        {
            var flat = value.ToArray<float>();
            return flat.Length == rows * k
                ? flat
                : throw new InvalidOperationException($"Output '{_probabilitiesOutput}' has {flat.Length} values for {rows} rows, but the model has {k} labels.");
        }

        if (value.Kind != OnnxValueKind.Sequence || value.Elements.Count != rows)
        {
            throw new InvalidOperationException($"Output '{_probabilitiesOutput}' is neither a float tensor nor a sequence of {rows} maps.");
        }

        var result = new float[rows * k];
        for (var r = 0; r < rows; r++)
        {
            var map = value.Elements[r];
            var keys = map.MapKeys.ElementType == OnnxElementType.String
                ? map.MapKeys.ToArray<string>()
                : Array.ConvertAll(map.MapKeys.ToArray<long>(), key => key.ToString(CultureInfo.InvariantCulture));
            var values = map.MapValues.ToArray<float>();
            for (var i = 0; i < keys.Length; i++)
            {
                result[(r * k) + IndexOf(keys[i], r)] = values[i];
            }
        }

        return result;
    }

    private string[] ChosenLabels(OnnxValue value)
    {
        var tensor = value.AsTensor();
        return tensor.ElementType switch
        {
            OnnxElementType.String => tensor.ToArray<string>(),
            OnnxElementType.Int64 => Array.ConvertAll(tensor.ToArray<long>(), l => l.ToString(CultureInfo.InvariantCulture)),
            OnnxElementType.Int32 => Array.ConvertAll(tensor.ToArray<int>(), l => l.ToString(CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"Output '{_labelOutput}' holds {tensor.ElementType} values; a label output must hold strings or integers."),
        };
    }

    // The label text itself is not echoed: it comes from the model, but keeping messages free of data is the rule.
    private int IndexOf(string label, int row) => _labelIndex.TryGetValue(label, out var index)
        ? index
        : throw new InvalidOperationException($"Row {row}: the model returned a label that is not among its {_labels.Length} known labels.");

    private static int ArgMax(double[] p)
    {
        var best = 0;
        for (var c = 1; c < p.Length; c++)
        {
            if (p[c] > p[best])
            {
                best = c;
            }
        }

        return best;
    }
}
