namespace HybridAI.Native.LlamaCpp;

/// <summary>
/// Passes generated text through while watching for stop strings: text that could be the start of a stop string
/// is held back until it either completes one (generation stops, the stop text is dropped) or cannot.
/// </summary>
internal sealed class StopStringFilter(IReadOnlyList<string> stops)
{
    private readonly string[] _stops = stops.Where(s => s.Length > 0).ToArray();
    private string _held = "";

    /// <summary>A stop string has appeared.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Adds text; returns what can safely be emitted now.</summary>
    public string Push(string text)
    {
        if (Stopped || text.Length == 0 && _held.Length == 0)
        {
            return "";
        }

        var buffer = _held + text;
        if (_stops.Length == 0)
        {
            _held = "";
            return buffer;
        }

        var first = -1;
        foreach (var stop in _stops)
        {
            var at = buffer.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        if (first >= 0)
        {
            Stopped = true;
            _held = "";
            return buffer[..first];
        }

        var keep = 0;
        foreach (var stop in _stops)
        {
            for (var n = Math.Min(stop.Length - 1, buffer.Length); n > keep; n--)
            {
                if (buffer.AsSpan(buffer.Length - n).SequenceEqual(stop.AsSpan(0, n)))
                {
                    keep = n;
                    break;
                }
            }
        }

        _held = buffer[^keep..];
        return buffer[..^keep];
    }

    /// <summary>Ends the stream: held text that never became a stop string is released.</summary>
    public string Flush()
    {
        var rest = Stopped ? "" : _held;
        _held = "";
        return rest;
    }
}
