using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Tests.Support;

internal static class Findings
{
    /// <summary>The texts found by one recognizer alone.</summary>
    public static List<string> Of(IPiiRecognizer recognizer, string text, double minScore = PiiDetector.DefaultMinScore)
    {
        var found = new List<PiiFinding>();
        recognizer.Recognize(text, found);
        return found.Where(f => f.Score >= minScore).OrderBy(f => f.Start).Select(f => text.Substring(f.Start, f.Length)).ToList();
    }

    /// <summary>The (type, text) pairs the detector keeps.</summary>
    public static List<(string Type, string Text)> Of(IPiiDetector detector, string text) =>
        detector.Detect(text).Select(f => (f.Type, text.Substring(f.Start, f.Length))).ToList();
}
