namespace HybridAI.Native.OnnxRuntime.Format;

/// <summary>One <c>test_data_set_N</c> folder: the inputs to feed and the outputs to expect, in graph order.</summary>
public sealed class NodeTestDataSet
{
    internal NodeTestDataSet(string directory, IReadOnlyList<ProtoValue> inputs, IReadOnlyList<ProtoValue> outputs)
    {
        Directory = directory;
        Inputs = inputs;
        Outputs = outputs;
    }

    /// <summary>The folder the values were read from.</summary>
    public string Directory { get; }

    /// <summary><c>input_K.pb</c> for K = 0, 1, …, matching <see cref="NodeTestCase.Inputs"/>[K].</summary>
    public IReadOnlyList<ProtoValue> Inputs { get; }

    /// <summary><c>output_K.pb</c> for K = 0, 1, …, matching <see cref="NodeTestCase.Outputs"/>[K].</summary>
    public IReadOnlyList<ProtoValue> Outputs { get; }
}
