using System.Collections;

namespace HybridAI.Native.OnnxRuntime;

/// <summary>The outputs of one <see cref="OnnxSession.Run(IReadOnlyDictionary{string, OnnxTensor}, IReadOnlyList{string}?, CancellationToken)"/>, in the order asked for; dispose it to release them.</summary>
public sealed class OnnxRunResult : IReadOnlyList<OnnxValue>, IDisposable
{
    private readonly IReadOnlyList<string> _names;
    private readonly OnnxValue[] _values;

    internal OnnxRunResult(IReadOnlyList<string> names, OnnxValue[] values)
    {
        _names = names;
        _values = values;
    }

    /// <summary>The output names, aligned with the values.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <inheritdoc/>
    public int Count => _values.Length;

    /// <inheritdoc/>
    public OnnxValue this[int index] => _values[index];

    /// <summary>The output with this name.</summary>
    /// <exception cref="KeyNotFoundException">No output of that name was asked for.</exception>
    public OnnxValue this[string name] => TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"No output named '{name}'. Outputs: {string.Join(", ", _names)}.");

    /// <summary>Finds an output by name.</summary>
    public bool TryGetValue(string name, out OnnxValue value)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }

        value = null!;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<OnnxValue> GetEnumerator() => ((IEnumerable<OnnxValue>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Releases every output.</summary>
    public void Dispose()
    {
        foreach (var value in _values)
        {
            value.Dispose();
        }
    }
}
