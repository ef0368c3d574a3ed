using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HybridAI.Orchestrator;

/// <summary>
/// A workflow described in a YAML or JSON file instead of code. Code still supplies the components and the
/// named transforms, gates and branch choosers through a <see cref="ComponentCatalog"/>.
/// </summary>
/// <example>
/// <code>
/// # triage.yaml
/// name: ticket-triage
/// version: "1.0"
/// steps:
///   - name: classify
///     kind: classify
///     component: naive-bayes
///     input: Text
///     output: Category
///     options: { model: models/triage.bin, timeout: 2s, retry: 3 }
///   - name: kb
///     kind: retrieve
///     component: sqlite-kb
///     input: Text
///     output: Evidence
///     options: { mode: hybrid, top: 3 }
///   - name: review
///     kind: gate
///     component: low-confidence
/// </code>
/// <code>
/// Workflow&lt;Ticket&gt; wf = WorkflowDefinition.Load("triage.yaml").Build&lt;Ticket&gt;(catalog);
/// </code>
/// </example>
public sealed partial class WorkflowDefinition
{
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal) { "name", "version", "steps" };
    private static readonly HashSet<string> StepKeys = new(StringComparer.Ordinal) { "name", "kind", "component", "input", "output", "options", "targets" };

    /// <summary>The workflow's name.</summary>
    public required string Name { get; init; }

    /// <summary>The workflow's version.</summary>
    public required string Version { get; init; }

    /// <summary>The steps in order.</summary>
    public required IReadOnlyList<StepDefinition> Steps { get; init; }

    /// <summary>The file it came from (used in error messages).</summary>
    public string Source { get; init; } = "(inline)";

    /// <summary>Reads a definition from a <c>.yaml</c>/<c>.yml</c> or <c>.json</c> file.</summary>
    /// <exception cref="WorkflowValidationException">The file is malformed; the message names the file and line.</exception>
    public static WorkflowDefinition Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = File.ReadAllText(path);
        var isJson = string.Equals(Path.GetExtension(path), ".json", StringComparison.OrdinalIgnoreCase);
        return Parse(text, path, isJson);
    }

    /// <summary>Reads a definition from text; <paramref name="source"/> names it in errors.</summary>
    public static WorkflowDefinition Parse(string text, string source, bool isJson = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(source);
        if (isJson)
        {
            CheckJsonSyntax(text, source);
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new WorkflowValidationException($"{source}({ex.Start.Line},{ex.Start.Column}): {ex.Message}", ex);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new WorkflowValidationException($"{source}(1): expected a mapping with name, version and steps.");
        }

        string? name = null, version = null;
        List<StepDefinition>? steps = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = Key(source, keyNode, TopLevelKeys, "workflow");
            switch (key)
            {
                case "name": name = Scalar(source, value, "name"); break;
                case "version": version = Scalar(source, value, "version"); break;
                default: steps = ParseSteps(source, value); break;
            }
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new WorkflowValidationException($"{source}({Line(root)}): field 'name' is required.");
        }
        if (string.IsNullOrWhiteSpace(version))
        {
            throw new WorkflowValidationException($"{source}({Line(root)}): workflow '{name}' field 'version' is required.");
        }
        if (steps is null || steps.Count == 0)
        {
            throw new WorkflowValidationException($"{source}({Line(root)}): workflow '{name}' field 'steps' needs at least one step.");
        }
        return new WorkflowDefinition { Name = name, Version = version, Steps = steps, Source = source };
    }

    private static void CheckJsonSyntax(string text, string source)
    {
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new WorkflowValidationException($"{source}({line},{column}): invalid JSON.", ex);
        }
    }

    private static List<StepDefinition> ParseSteps(string source, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            throw new WorkflowValidationException($"{source}({Line(node)}): field 'steps' must be a list.");
        }
        var steps = new List<StepDefinition>(sequence.Children.Count);
        foreach (var item in sequence.Children)
        {
            if (item is not YamlMappingNode map)
            {
                throw new WorkflowValidationException($"{source}({Line(item)}): each step must be a mapping.");
            }
            string? name = null, kind = null, component = null, input = null, output = null;
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            var targets = new List<string>();
            foreach (var (keyNode, value) in map.Children)
            {
                var key = Key(source, keyNode, StepKeys, "step");
                switch (key)
                {
                    case "name": name = Scalar(source, value, key); break;
                    case "kind": kind = Scalar(source, value, key); break;
                    case "component": component = Scalar(source, value, key); break;
                    case "input": input = Scalar(source, value, key); break;
                    case "output": output = Scalar(source, value, key); break;
                    case "targets":
                        if (value is not YamlSequenceNode list)
                        {
                            throw new WorkflowValidationException($"{source}({Line(value)}): field 'targets' must be a list of step names.");
                        }
                        foreach (var target in list.Children)
                        {
                            targets.Add(Scalar(source, target, key));
                        }
                        break;
                    default:
                        if (value is not YamlMappingNode optionMap)
                        {
                            throw new WorkflowValidationException($"{source}({Line(value)}): field 'options' must be a mapping.");
                        }
                        foreach (var (optionKey, optionValue) in optionMap.Children)
                        {
                            options[Scalar(source, optionKey, "options")] = Scalar(source, optionValue, "options");
                        }
                        break;
                }
            }
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new WorkflowValidationException($"{source}({Line(map)}): step #{steps.Count + 1} field 'name' is required.");
            }
            if (string.IsNullOrWhiteSpace(kind))
            {
                throw new WorkflowValidationException($"{source}({Line(map)}): step '{name}' field 'kind' is required.");
            }
            steps.Add(new StepDefinition
            {
                Name = name,
                Kind = kind,
                Component = component,
                Input = input,
                Output = output,
                Options = options,
                Targets = targets,
                Line = Line(map),
            });
        }
        return steps;
    }

    private static string Key(string source, YamlNode node, HashSet<string> allowed, string where)
    {
        var key = Scalar(source, node, "key");
        if (!allowed.Contains(key))
        {
            throw new WorkflowValidationException(
                $"{source}({Line(node)}): unknown {where} field '{key}' (expected one of {string.Join(", ", allowed)}).");
        }
        return key;
    }

    private static string Scalar(string source, YamlNode node, string field)
        => node is YamlScalarNode { Value: { } value }
            ? value
            : throw new WorkflowValidationException($"{source}({Line(node)}): field '{field}' must be a single value.");

    private static int Line(YamlNode node) => (int)Math.Min(int.MaxValue, node.Start.Line);

    internal string Where(StepDefinition step, string field)
        => step.Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Source}({step.Line}): workflow '{Name}' step '{step.Name}' field '{field}'")
            : $"{Source}: workflow '{Name}' step '{step.Name}' field '{field}'";
}
