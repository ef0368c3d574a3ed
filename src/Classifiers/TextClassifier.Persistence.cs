namespace HybridAI.Classifiers;

public sealed partial class TextClassifier
{
    /// <summary>
    /// Writes the model (featurizer included) in the versioned HybridAI text-classifier format:
    /// a JSON header describing it, then the weights as little-endian binary. Loading it back gives
    /// bit-identical probabilities.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ModelFile.Write(this, stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">The stream is not a model, has an unsupported version, or is corrupt; the message names the field.</exception>
    public static TextClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ModelFile.Read(stream);
    }
}
