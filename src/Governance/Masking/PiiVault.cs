using System.Text;

namespace HybridAI.Governance.Masking;

/// <summary>
/// The originals behind the placeholders of one run or conversation (<c>&lt;EMAIL_1&gt;</c> → the address). Kept in
/// memory; the only way to store it is sealed, encrypted per subject (<c>PiiKeyVault.SealScope</c>), and
/// <see cref="ToString"/> shows counts, not values. Thread-safe.
/// </summary>
public sealed class PiiVault
{
    private const int MaxPlaceholderLength = 64;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _originals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _subjects;

    /// <summary>How many distinct values are held.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
                return _originals.Count;
        }
    }

    /// <summary>Gets the placeholder for <paramref name="value"/>, creating <c>&lt;TYPE_n&gt;</c> the first time it is seen.</summary>
    /// <param name="type">The kind of data (e.g. EMAIL); names the placeholder.</param>
    /// <param name="value">The original text.</param>
    public string GetOrAddPlaceholder(string type, ReadOnlySpan<char> value) => GetOrAddPlaceholder(type, value, null);

    /// <summary>As <see cref="GetOrAddPlaceholder(string, ReadOnlySpan{char})"/>, remembering whose value it is (a subject handle) for sealing.</summary>
    internal string GetOrAddPlaceholder(string type, ReadOnlySpan<char> value, string? subjectHandle)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        lock (_lock)
        {
            var byValue = _placeholders.GetAlternateLookup<ReadOnlySpan<char>>();
            if (byValue.TryGetValue(value, out var existing))
                return existing;
            _counters.TryGetValue(type, out var n);
            _counters[type] = ++n;
            var placeholder = string.Concat("<", type, "_", n.ToString(System.Globalization.CultureInfo.InvariantCulture), ">");
            var original = value.ToString();
            _placeholders[original] = placeholder;
            _originals[placeholder] = original;
            if (subjectHandle is not null)
                (_subjects ??= new(StringComparer.Ordinal))[placeholder] = subjectHandle;
            return placeholder;
        }
    }

    /// <summary>A copy of the entries (placeholder, original, subject handle or null) and numbering, for sealing.</summary>
    internal (List<(string Placeholder, string Original, string? Subject)> Entries, List<KeyValuePair<string, int>> Counters) Snapshot()
    {
        lock (_lock)
        {
            var entries = new List<(string, string, string?)>(_originals.Count);
            foreach (var (placeholder, original) in _originals)
                entries.Add((placeholder, original, _subjects is not null && _subjects.TryGetValue(placeholder, out var s) ? s : null));
            return (entries, [.. _counters]);
        }
    }

    /// <summary>Puts back an entry read from a sealed scope.</summary>
    internal void Restore(string placeholder, string original, string? subjectHandle)
    {
        lock (_lock)
        {
            _placeholders[original] = placeholder;
            _originals[placeholder] = original;
            if (subjectHandle is not null)
                (_subjects ??= new(StringComparer.Ordinal))[placeholder] = subjectHandle;
        }
    }

    /// <summary>Continues a type's numbering after a sealed scope is opened, so new values never reuse a number.</summary>
    internal void RestoreCounter(string type, int last)
    {
        lock (_lock)
        {
            _counters.TryGetValue(type, out var n);
            _counters[type] = Math.Max(n, last);
        }
    }

    /// <summary>Gets the original value behind a placeholder.</summary>
    public bool TryGetOriginal(string placeholder, out string original)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        lock (_lock)
            return _originals.TryGetValue(placeholder, out original!);
    }

    /// <summary>Length of the known placeholder that <paramref name="text"/> starts with (and its original), or 0.</summary>
    internal int MatchPlaceholder(ReadOnlySpan<char> text, out string? original)
    {
        original = null;
        var rest = text[..Math.Min(MaxPlaceholderLength, text.Length)];
        var close = rest.IndexOf('>');
        if (close <= 0)
            return 0;
        lock (_lock)
        {
            if (!_originals.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(rest[..(close + 1)], out original))
                return 0;
        }
        return close + 1;
    }

    /// <summary>
    /// Puts the original values back in place of the placeholders, for the final customer-facing text only.
    /// Unknown placeholders are left as they are.
    /// </summary>
    public string Unmask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var open = text.IndexOf('<', StringComparison.Ordinal);
        if (open < 0)
            return text;
        StringBuilder? result = null;
        var copied = 0;
        lock (_lock)
        {
            var lookup = _originals.GetAlternateLookup<ReadOnlySpan<char>>();
            while (open >= 0)
            {
                var rest = text.AsSpan(open, Math.Min(MaxPlaceholderLength, text.Length - open));
                var close = rest.IndexOf('>');
                if (close > 0 && lookup.TryGetValue(rest[..(close + 1)], out var original))
                {
                    result ??= new StringBuilder(text.Length + 32);
                    result.Append(text, copied, open - copied).Append(original);
                    copied = open + close + 1;
                    open = text.IndexOf('<', copied);
                }
                else
                {
                    open = text.IndexOf('<', open + 1);
                }
            }
        }
        if (result is null)
            return text;
        return result.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>Shows how many values are held, never the values.</summary>
    public override string ToString() => $"PiiVault({Count} values)";
}
