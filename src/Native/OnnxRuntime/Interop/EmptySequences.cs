using System.Collections.Concurrent;
using HybridAI.Native.OnnxRuntime.Format;

namespace HybridAI.Native.OnnxRuntime.Interop;

/// <summary>
/// Empty sequences of tensors. The C API's CreateValue refuses zero elements, so an empty sequence is made the way a
/// graph makes one: a one-node model running SequenceEmpty, built and loaded once per element type.
/// </summary>
internal static class EmptySequences
{
    private static readonly ConcurrentDictionary<OnnxElementType, Lazy<OnnxSession>> Sessions = new();

    public static OnnxValue Create(OnnxElementType elementType)
    {
        if (elementType is OnnxElementType.Undefined or OnnxElementType.Complex64 or OnnxElementType.Complex128 || !Enum.IsDefined(elementType))
        {
            throw new ArgumentOutOfRangeException(nameof(elementType), elementType, "An empty sequence needs a tensor element type the binding supports.");
        }

        var session = Sessions.GetOrAdd(elementType, static type => new Lazy<OnnxSession>(() => Load(type))).Value;
        // The result holds nothing but this one output, so handing the output on hands on everything.
        var result = session.Run(new Dictionary<string, OnnxTensor>());
        return result[0];
    }

    private static OnnxSession Load(OnnxElementType elementType)
    {
        var type = (OnnxElementType)(int)elementType;
        var model = new OnnxModelBuilder("empty_sequence")
            .ImportOpset("", 11)
            .Node("SequenceEmpty", [], ["empty"], attributes: AttributeProto.FromInt("dtype", (long)type))
            .Output("empty", TypeProto.Sequence(TypeProto.Tensor(type)))
            .Build()
            .ToByteArray();
        return OnnxSession.FromBytes(model, new OnnxSessionOptions { IntraOpThreads = 1, InterOpThreads = 1 });
    }
}
