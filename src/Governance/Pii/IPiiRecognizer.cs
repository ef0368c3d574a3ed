using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii;

/// <summary>Finds one kind of personal data. A <see cref="PiiDetector"/> runs several and resolves overlaps.</summary>
public interface IPiiRecognizer
{
    /// <summary>The recognizer's name, recorded on each of its findings.</summary>
    string Name { get; }

    /// <summary>Adds what it finds in <paramref name="text"/> to <paramref name="findings"/> (any order, overlaps allowed). Thread-safe.</summary>
    void Recognize(string text, List<PiiFinding> findings);
}
