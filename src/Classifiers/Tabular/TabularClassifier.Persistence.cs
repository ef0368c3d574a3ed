namespace HybridAI.Classifiers.Tabular;

public sealed partial class TabularClassifier
{
    /// <summary>
    /// Writes the model (featurizer and calibrator included) in the versioned HybridAI
    /// tabular-classifier format: a JSON header describing it, then its numbers as little-endian
    /// binary. Loading it back gives bit-identical probabilities.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        TabularModelFile.Write(this, stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">The stream is not a tabular model, has an unsupported version, or is corrupt; the message names the field.</exception>
    public static TabularClassifier Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return TabularModelFile.Read(stream);
    }
}
