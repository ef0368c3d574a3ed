namespace HybridAI.Generators.Local.OnnxDecoder;

/// <summary>
/// Cuts generated text at the first stop sequence, which may arrive split across tokens: text that could still be
/// the start of a stop sequence is held back until the next token settles it, so a stop sequence is never emitted.
/// </summary>
internal sealed class StopSequenceFilter
{
    private readonly string[] _stops;
    private string _pending = string.Empty;

    public StopSequenceFilter(IEnumerable<string>? stops) => _stops = stops?.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToArray() ?? [];

    public bool Stopped { get; private set; }

    /// <summary>Adds generated text; returns what may be emitted now. After a stop sequence is found, <see cref="Stopped"/> is true and nothing more is emitted.</summary>
    public string Push(string text)
    {
        if (Stopped || text.Length == 0)
        {
            return string.Empty;
        }

        if (_stops.Length == 0)
        {
            return text;
        }

        string pending = _pending + text;
        int cut = -1;
        foreach (string stop in _stops)
        {
            int at = pending.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut))
            {
                cut = at;
            }
        }

        if (cut >= 0)
        {
            Stopped = true;
            _pending = string.Empty;
            return pending[..cut];
        }

        int hold = 0;
        foreach (string stop in _stops)
        {
            for (int length = Math.Min(stop.Length - 1, pending.Length); length > hold; length--)
            {
                if (pending.AsSpan(pending.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    hold = length;
                    break;
                }
            }
        }

        _pending = pending[^hold..];
        return pending[..^hold];
    }

    /// <summary>What is still held back, at the end of a generation that hit no stop sequence.</summary>
    public string Flush()
    {
        string rest = Stopped ? string.Empty : _pending;
        _pending = string.Empty;
        return rest;
    }
}
