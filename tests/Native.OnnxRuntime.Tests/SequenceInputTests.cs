using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Tests;

/// <summary>Feeding sequences of tensors (and plain tensors as values) through <c>Run(IReadOnlyDictionary&lt;string, OnnxValue&gt;)</c>.</summary>
public sealed class SequenceInputTests
{
    private static readonly byte[] SequenceLength = new OnnxModelBuilder("length")
        .ImportOpset("", 17)
        .Input("S", TypeProto.Sequence(TypeProto.Tensor(OnnxElementType.Float, "n")))
        .Input("I", TypeProto.Tensor(OnnxElementType.Int64))
        .Node("SequenceLength", ["S"], ["N"])
        .Node("SequenceAt", ["S", "I"], ["T"])
        .Output("N", TypeProto.Tensor(OnnxElementType.Int64))
        .Output("T", TypeProto.Tensor(OnnxElementType.Float, "n"))
        .Build()
        .ToByteArray();

    [NativeFact]
    public void A_sequence_of_tensors_is_fed_and_read_back_by_the_graph()
    {
        using var session = OnnxSession.FromBytes(SequenceLength);
        using var sequence = OnnxValue.CreateSequence([OnnxTensor.Create([1f, 2f], 2), OnnxTensor.Create([3f, 4f, 5f], 3)]);
        using var index = OnnxValue.FromTensor(OnnxTensor.Scalar(1L));

        using var outputs = session.Run(new Dictionary<string, OnnxValue> { ["S"] = sequence, ["I"] = index });

        Assert.Equal(OnnxValueKind.Sequence, sequence.Kind);
        Assert.Equal(2, sequence.Elements.Count);
        Assert.Equal([2L], outputs["N"].ToArray<long>());
        Assert.Equal([3f, 4f, 5f], outputs["T"].ToArray<float>());
    }

    [NativeFact]
    public void An_empty_sequence_is_made_by_ORT_and_has_no_elements()
    {
        using var session = OnnxSession.FromBytes(SequenceLength);
        using var empty = OnnxValue.CreateEmptySequence(OnnxElementType.Float);
        using var index = OnnxValue.FromTensor(OnnxTensor.Scalar(0L));

        Assert.Equal(OnnxValueKind.Sequence, empty.Kind);
        Assert.Empty(empty.Elements);
        // SequenceAt(0) on an empty sequence is ORT's own index error, so ORT really received an empty sequence.
        Assert.Throws<OnnxRuntimeException>(() => session.Run(new Dictionary<string, OnnxValue> { ["S"] = empty, ["I"] = index }).Dispose());
    }

    [NativeFact]
    public void The_length_of_an_empty_sequence_is_zero()
    {
        var model = new OnnxModelBuilder("length")
            .ImportOpset("", 17)
            .Input("S", TypeProto.Sequence(TypeProto.Tensor(OnnxElementType.Int32)))
            .Node("SequenceLength", ["S"], ["N"])
            .Output("N", TypeProto.Tensor(OnnxElementType.Int64))
            .Build()
            .ToByteArray();
        using var session = OnnxSession.FromBytes(model);
        using var empty = OnnxValue.CreateEmptySequence(OnnxElementType.Int32);

        using var outputs = session.Run(new Dictionary<string, OnnxValue> { ["S"] = empty });

        Assert.Equal([0L], outputs["N"].ToArray<long>());
    }

    [NativeFact]
    public void Bad_sequences_are_refused_with_the_reason()
    {
        Assert.Throws<ArgumentException>(() => OnnxValue.CreateSequence([]));
        using var floats = OnnxTensor.Create([1f], 1);
        using var ints = OnnxTensor.Create([1], 1);
        var mixed = Assert.Throws<ArgumentException>(() => OnnxValue.CreateSequence([floats, ints]));
        Assert.Contains("tensor 0 holds Float", mixed.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxValue.CreateEmptySequence(OnnxElementType.Undefined));
    }

    [NativeFact]
    public void Disposing_a_sequence_disposes_the_tensors_it_took()
    {
        var tensor = OnnxTensor.Create([1f, 2f], 2);
        var sequence = OnnxValue.CreateSequence([tensor]);

        sequence.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tensor.ToArray<float>());
    }
}
