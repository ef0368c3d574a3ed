using System.Globalization;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Policies;

public static partial class PolicyConfig
{
    /// <summary>Validates a configuration tree (JSON or YAML, see <see cref="PolicyNode"/>) into policies.</summary>
    private sealed class Reader(string? source, IPiiDetector? detector)
    {
        private IPiiDetector? _detector = detector;

        /// <summary>An error about <paramref name="field"/>, located at <paramref name="at"/> (its YAML line, when known).</summary>
        public PolicyConfigException Error(PolicyNode at, string field, string problem)
        {
            var line = at.Line > 0 ? string.Create(CultureInfo.InvariantCulture, $"({at.Line})") : "";
            return new($"{source ?? "policy configuration"}{line}: field '{field}': {problem}", field, source, line: at.Line > 0 ? at.Line : null);
        }

        public void Expect(PolicyNode e, PolicyNodeKind kind, string field)
        {
            if (e.Kind != kind)
                throw Error(e, field, $"must be {e.Describe(kind)}, not {e.DescribeSelf()}.");
        }

        public PolicySet Set(PolicyNode root)
        {
            Expect(root, PolicyNodeKind.Mapping, "(root)");
            var set = new PolicySet(root.TryGet("default", out var d) ? Policy(d, "default") : null);
            if (root.TryGet("workflows", out var workflows))
            {
                Expect(workflows, PolicyNodeKind.Mapping, "workflows");
                foreach (var (name, _, value) in workflows.Fields())
                    set.For(name, Policy(value, $"workflows.{name}"));
            }
            foreach (var (name, key, _) in root.Fields())
            {
                if (name is not ("default" or "workflows"))
                    throw Error(key, name, "unknown field; the top level has \"default\" and \"workflows\".");
            }
            return set;
        }

        private WorkflowPolicy Policy(PolicyNode e, string path)
        {
            Expect(e, PolicyNodeKind.Mapping, path);
            var policy = e.TryGet("redaction", out var r) ? new WorkflowPolicy { RedactionFormat = Text(r, path + ".redaction") } : new WorkflowPolicy();
            if (policy.RedactionFormat.Contains("{0", StringComparison.Ordinal) is false && policy.RedactionFormat.Contains('{', StringComparison.Ordinal))
                throw Error(r, path + ".redaction", "only {0} (the category) may appear in braces.");
            foreach (var (name, key, value) in e.Fields())
            {
                switch (name)
                {
                    case "rules":
                        Expect(value, PolicyNodeKind.List, path + ".rules");
                        var i = 0;
                        foreach (var rule in value.Items())
                            Rule(policy, rule, string.Create(CultureInfo.InvariantCulture, $"{path}.rules[{i++}]"));
                        break;
                    case "label":
                        Expect(value, PolicyNodeKind.Mapping, path + ".label");
                        var text = value.TryGet("text", out var t) ? Text(t, path + ".label.text") : throw Error(value, path + ".label.text", "is required.");
                        var position = value.TryGet("position", out var pos) ? Text(pos, path + ".label.position").ToLowerInvariant() : "append";
                        if (position is not ("append" or "prepend"))
                            throw Error(pos, path + ".label.position", "must be \"append\" or \"prepend\".");
                        policy.WithLabel(new GeneratedContentLabel(text, position == "prepend"));
                        break;
                    case "redaction":
                        break;
                    default:
                        throw Error(key, path + "." + name, "unknown field; a policy has \"rules\", \"label\" and \"redaction\".");
                }
            }
            return policy;
        }

        private void Rule(WorkflowPolicy policy, PolicyNode e, string path)
        {
            Expect(e, PolicyNodeKind.Mapping, path);
            var kind = e.TryGet("rule", out var k) ? Text(k, path + ".rule") : throw Error(e, path + ".rule", "is required.");
            var actionText = e.TryGet("action", out var a) ? Text(a, path + ".action") : throw Error(e, path + ".action", "is required.");
            var action = actionText.ToLowerInvariant() switch
            {
                "block" => PolicyAction.Block,
                "redact" => PolicyAction.Redact,
                "routetoreview" or "review" => PolicyAction.RouteToReview,
                _ => throw Error(a, path + ".action", $"unknown action '{actionText}'; use block, redact or routeToReview."),
            };
            var locations = new List<PolicyLocation>();
            if (e.TryGet("locations", out var l))
            {
                foreach (var (value, field, node) in Texts(l, path + ".locations"))
                {
                    locations.Add(value.ToLowerInvariant() switch
                    {
                        "input" => PolicyLocation.Input,
                        "retrievedcontent" or "retrieved" => PolicyLocation.RetrievedContent,
                        "output" => PolicyLocation.Output,
                        _ => throw Error(node, field, $"unknown location '{value}'; use input, retrievedContent or output."),
                    });
                }
            }
            var name = e.TryGet("name", out var n) ? Text(n, path + ".name") : null;
            IPolicyRule rule = kind.ToLowerInvariant() switch
            {
                "promptinjection" => PolicyRules.PromptInjection(),
                "forbiddenwords" => PolicyRules.ForbiddenWords(Words(e, path), name ?? "forbidden-words"),
                "topics" => PolicyRules.Topics(Topics(e, path), name ?? "forbidden-topics"),
                "systempromptleak" => PolicyRules.SystemPromptLeak(
                    e.TryGet("systemPrompt", out var sp) && Text(sp, path + ".systemPrompt") is { Length: > 0 } prompt ? prompt : throw Error(e, path + ".systemPrompt", "is required."),
                    e.TryGet("window", out var win) ? Window(win, path + ".window") : 8),
                "pii" => PolicyRules.Pii(_detector ??= PiiDetector.CreateDefault(),
                    e.TryGet("types", out var types) ? Texts(types, path + ".types").Select(x => x.Value).ToList() : null),
                _ => throw Error(k, path + ".rule", $"unknown rule '{kind}'; use promptInjection, forbiddenWords, topics, systemPromptLeak or pii."),
            };
            foreach (var (field, key, _) in e.Fields())
            {
                if (field is not ("rule" or "action" or "locations" or "name" or "words" or "topics" or "systemPrompt" or "window" or "types"))
                    throw Error(key, path + "." + field, "unknown field.");
            }
            policy.Add(rule, action, [.. locations]);
        }

        private List<string> Words(PolicyNode e, string path)
        {
            if (!e.TryGet("words", out var w))
                throw Error(e, path + ".words", "is required.");
            var words = Texts(w, path + ".words").Select(x => x.Value).ToList();
            return words.Count > 0 ? words : throw Error(w, path + ".words", "must list at least one word.");
        }

        private Dictionary<string, IReadOnlyList<string>> Topics(PolicyNode e, string path)
        {
            if (!e.TryGet("topics", out var t))
                throw Error(e, path + ".topics", "is required.");
            Expect(t, PolicyNodeKind.Mapping, path + ".topics");
            var topics = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var (name, _, value) in t.Fields())
            {
                var words = Texts(value, $"{path}.topics.{name}").Select(x => x.Value).ToList();
                topics[name] = words.Count > 0 ? words : throw Error(value, $"{path}.topics.{name}", "must list at least one keyword.");
            }
            return topics.Count > 0 ? topics : throw Error(t, path + ".topics", "must have at least one topic.");
        }

        private int Window(PolicyNode e, string field) =>
            e.TryGetInt32(out var w) && w >= 3 ? w : throw Error(e, field, "must be a whole number of at least 3.");

        private string Text(PolicyNode e, string field) =>
            e.Text ?? throw Error(e, field, "must be a string.");

        private List<(string Value, string Field, PolicyNode Node)> Texts(PolicyNode e, string field)
        {
            Expect(e, PolicyNodeKind.List, field);
            var list = new List<(string, string, PolicyNode)>();
            var i = 0;
            foreach (var item in e.Items())
            {
                var f = string.Create(CultureInfo.InvariantCulture, $"{field}[{i++}]");
                list.Add((Text(item, f), f, item));
            }
            return list;
        }
    }
}
