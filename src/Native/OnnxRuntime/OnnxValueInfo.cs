namespace HybridAI.Native.OnnxRuntime;

/// <summary>One model input or output as the model declares it.</summary>
/// <param name="Name">The input or output name.</param>
/// <param name="Kind">Tensor, sequence, map or optional.</param>
/// <param name="ElementType">For tensors, the element type; otherwise <see cref="OnnxElementType.Undefined"/>.</param>
/// <param name="Shape">For tensors, the dimensions; -1 where a dimension is symbolic or unknown.</param>
/// <param name="SymbolicDims">For tensors, each dimension's symbolic name ("" where it has none).</param>
public sealed record OnnxValueInfo(string Name, OnnxValueKind Kind, OnnxElementType ElementType, long[] Shape, string[] SymbolicDims);
