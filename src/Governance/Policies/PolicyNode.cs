using System.Globalization;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace HybridAI.Governance.Policies;

/// <summary>What a policy configuration node holds, whichever format it came from.</summary>
internal enum PolicyNodeKind
{
    Mapping,
    List,
    Text,
    Number,
    Other,
}

/// <summary>
/// One node of a policy configuration, read from JSON (<see cref="JsonElement"/>) or YAML (<see cref="YamlNode"/>),
/// so that <see cref="PolicyConfig"/> validates both formats with the same code. YAML nodes know their line.
/// </summary>
internal readonly struct PolicyNode
{
    private readonly JsonElement _json;
    private readonly YamlNode? _yaml;

    private PolicyNode(JsonElement json, YamlNode? yaml)
    {
        _json = json;
        _yaml = yaml;
    }

    public static PolicyNode Json(JsonElement e) => new(e, null);

    public static PolicyNode Yaml(YamlNode n) => new(default, n);

    /// <summary>The 1-based line of a YAML node; 0 for JSON (its elements carry no position).</summary>
    public int Line => _yaml is null ? 0 : (int)Math.Min(int.MaxValue, _yaml.Start.Line);

    public PolicyNodeKind Kind => _yaml switch
    {
        null => _json.ValueKind switch
        {
            JsonValueKind.Object => PolicyNodeKind.Mapping,
            JsonValueKind.Array => PolicyNodeKind.List,
            JsonValueKind.String => PolicyNodeKind.Text,
            JsonValueKind.Number => PolicyNodeKind.Number,
            _ => PolicyNodeKind.Other,
        },
        YamlMappingNode => PolicyNodeKind.Mapping,
        YamlSequenceNode => PolicyNodeKind.List,
        YamlScalarNode s when IsYamlNull(s) => PolicyNodeKind.Other,
        YamlScalarNode => PolicyNodeKind.Text,
        _ => PolicyNodeKind.Other,
    };

    /// <summary>How errors name a kind in this node's format (JSON "object", YAML "mapping").</summary>
    public string Describe(PolicyNodeKind kind) => (_yaml is null, kind) switch
    {
        (true, PolicyNodeKind.Mapping) => "a JSON object",
        (true, PolicyNodeKind.List) => "a JSON array",
        (true, PolicyNodeKind.Text) => "a JSON string",
        (true, PolicyNodeKind.Number) => "a JSON number",
        (true, _) => "a JSON " + _json.ValueKind.ToString().ToLowerInvariant(),
        (false, PolicyNodeKind.Mapping) => "a YAML mapping",
        (false, PolicyNodeKind.List) => "a YAML list",
        (false, PolicyNodeKind.Text or PolicyNodeKind.Number) => "a YAML scalar",
        _ => "empty (null)",
    };

    /// <summary>The describing phrase of this node itself.</summary>
    public string DescribeSelf() => Describe(Kind);

    public bool TryGet(string name, out PolicyNode value)
    {
        if (_yaml is null)
        {
            var found = _json.TryGetProperty(name, out var v);
            value = Json(v);
            return found;
        }
        if (_yaml is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(name), out var y))
        {
            value = Yaml(y);
            return true;
        }
        value = default;
        return false;
    }

    /// <summary>The fields of a mapping in order, with the key node (for its line).</summary>
    public IEnumerable<(string Name, PolicyNode Key, PolicyNode Value)> Fields()
    {
        if (_yaml is null)
        {
            foreach (var p in _json.EnumerateObject())
                yield return (p.Name, this, Json(p.Value));
            yield break;
        }
        foreach (var (key, value) in ((YamlMappingNode)_yaml).Children)
            yield return (key is YamlScalarNode { Value: { } k } ? k : "(non-scalar key)", Yaml(key), Yaml(value));
    }

    public IEnumerable<PolicyNode> Items()
    {
        if (_yaml is null)
        {
            foreach (var item in _json.EnumerateArray())
                yield return Json(item);
            yield break;
        }
        foreach (var item in ((YamlSequenceNode)_yaml).Children)
            yield return Yaml(item);
    }

    /// <summary>The text of a string node (any non-null YAML scalar), else null.</summary>
    public string? Text => Kind == PolicyNodeKind.Text ? _yaml is null ? _json.GetString() : ((YamlScalarNode)_yaml).Value : null;

    public bool TryGetInt32(out int value)
    {
        if (_yaml is null)
        {
            value = 0;
            return _json.ValueKind == JsonValueKind.Number && _json.TryGetInt32(out value);
        }
        value = 0;
        return _yaml is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } v }
            && int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsYamlNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL";
}
