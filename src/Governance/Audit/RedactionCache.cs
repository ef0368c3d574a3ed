using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Audit;

/// <summary>
/// Remembers the redaction of recent texts. Step outcomes repeat a lot ("label=billing p=0.93"), so most lookups
/// cost one hash instead of a detection. Direct-mapped and lock-free: a collision just evicts.
/// </summary>
internal sealed class RedactionCache(IPiiDetector detector)
{
    private const int Size = 256; // a power of two

    private readonly Entry?[] _entries = new Entry?[Size];

    public string Redact(string text)
    {
        var slot = text.GetHashCode(StringComparison.Ordinal) & (Size - 1);
        var entry = Volatile.Read(ref _entries[slot]);
        if (entry is not null && string.Equals(entry.Text, text, StringComparison.Ordinal))
            return entry.Redacted;
        var redacted = PiiRedaction.Redact(text, detector);
        Volatile.Write(ref _entries[slot], new Entry(text, redacted));
        return redacted;
    }

    private sealed record Entry(string Text, string Redacted);
}
