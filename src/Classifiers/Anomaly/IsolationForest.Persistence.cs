namespace HybridAI.Classifiers.Anomaly;

public sealed partial class IsolationForest
{
    /// <summary>
    /// Writes the forest (featurizer and threshold included) in the versioned HybridAI
    /// isolation-forest format: a JSON header describing it, then its numbers as little-endian
    /// binary checked by SHA-256. Loading it back gives bit-identical scores.
    /// </summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        IsolationForestFile.Write(this, stream);
    }

    /// <summary>Reads a forest written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFormatException">The stream is not an isolation forest, has an unsupported version, or is corrupt; the message and <see cref="ModelFormatException.Field"/> name the field.</exception>
    public static IsolationForest Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return IsolationForestFile.Read(stream);
    }
}
