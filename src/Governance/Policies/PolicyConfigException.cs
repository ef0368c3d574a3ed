namespace HybridAI.Governance.Policies;

/// <summary>A policy configuration is wrong; the message names the field (a path such as <c>workflows.claims.rules[1].action</c>) and the file, and for YAML the line.</summary>
public sealed class PolicyConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyConfigException(string message, string? field, string? source, Exception? inner = null, int? line = null)
        : base(message, inner)
    {
        Field = field;
        Source = source;
        Line = line;
    }

    /// <summary>The 1-based line of the error when known: any YAML error, or a JSON syntax error.</summary>
    public int? Line { get; }

    /// <summary>The path of the wrong field, or null for a syntax error.</summary>
    public string? Field { get; }

    /// <summary>The file, when the configuration came from one.</summary>
    public new string? Source { get; }
}
