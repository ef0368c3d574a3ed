namespace HybridAI.Native.OnnxRuntime;

/// <summary>What the model file says about itself (ModelProto fields and its metadata_props map).</summary>
/// <param name="ProducerName">The tool that wrote the model (e.g. "pytorch", "skl2onnx").</param>
/// <param name="GraphName">The graph's name.</param>
/// <param name="Domain">The model's domain.</param>
/// <param name="Description">The model's doc string.</param>
/// <param name="Version">The model version number.</param>
/// <param name="Custom">The free-form key/value metadata.</param>
public sealed record OnnxModelMetadata(
    string ProducerName,
    string GraphName,
    string Domain,
    string Description,
    long Version,
    IReadOnlyDictionary<string, string> Custom);
