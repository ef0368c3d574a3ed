using HybridAI.Abstractions.Retrieval;
using HybridAI.Orchestrator.Tests.Support;

namespace HybridAI.Orchestrator.Tests.Configuration;

public class WorkflowDefinitionTests : IDisposable
{
    private const string TriageYaml = """
        name: ticket-triage
        version: "1.0"
        steps:
          - name: normalise
            kind: transform
            component: trim
          - name: classify
            kind: classify
            component: keyword
            input: Text
            output: Category
            options:
              billing: charge
              timeout: 2s
              retry: 2
          - name: urgency
            kind: score
            component: urgency
            input: Text
            output: Urgency
          - name: kb
            kind: retrieve
            component: kb
            input: Text
            output: Hits
            options: { top: 1 }
          - name: route
            kind: branch
            component: by-category
            targets: [review, $end]
          - name: review
            kind: gate
            component: never
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ComponentCatalog Catalog() => new ComponentCatalog()
        .Register("keyword", (options, sp) => new KeywordClassifier(("billing", options["billing"]), ("tech", "crash")))
        .Register("urgency", (options, sp) => new UrgencyScorer())
        .Register("length", (options, sp) => new LengthScorer())
        .Register("kb", (options, sp) => new ListSearchIndex("refund a double charge", "charge disputes", "reset password"))
        .RegisterTransform<Ticket>("trim", t => t.Text = t.Text.Trim())
        .RegisterBranch<Ticket>("by-category", t => t.Category == "billing" ? "review" : Workflow.End)
        .RegisterGate<Ticket>("never", t => false, (t, d) => { });

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Yaml_definition_builds_the_same_workflow_as_code_and_runs()
    {
        var wf = WorkflowDefinition.Load(Write("triage.yaml", TriageYaml)).Build<Ticket>(Catalog());

        Assert.Equal("ticket-triage", wf.Name);
        Assert.Equal("1.0", wf.Version);
        Assert.Equal([StepKind.Transform, StepKind.Classify, StepKind.Score, StepKind.Retrieve, StepKind.Branch, StepKind.Gate], wf.Steps.Select(s => s.Kind));

        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "  Double CHARGE!  " });

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.Equal("Double CHARGE!", result.State.Text);
        Assert.Equal("billing", result.State.Category);
        Assert.True(result.State.Urgency > 0);
        Assert.Single(result.State.Hits);
        Assert.Equal(["normalise", "classify", "urgency", "kb", "route", "review"], result.Steps.Select(s => s.Step));
    }

    [Fact]
    public async Task Json_definition_builds_and_runs()
    {
        const string json = """
            {
              "name": "json-triage",
              "version": "2.0",
              "steps": [
                { "name": "classify", "kind": "classify", "component": "keyword", "input": "Text", "output": "Category", "options": { "billing": "invoice" } },
                { "name": "draft", "kind": "transform", "component": "trim" }
              ]
            }
            """;
        var wf = WorkflowDefinition.Load(Write("triage.json", json)).Build<Ticket>(Catalog());
        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "my invoice " });

        Assert.Equal("json-triage", wf.Name);
        Assert.Equal("billing", result.State.Category);
        Assert.Equal("my invoice", result.State.Text);
    }

    [Fact]
    public void Yaml_syntax_error_names_file_and_line()
    {
        var path = Write("broken.yaml", "name: x\nversion: \"1\"\nsteps:\n  - name: a\n    kind: [unclosed\n");
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path));
        Assert.Contains(path, ex.Message);
        Assert.Matches(@"\((5|6),\d+\)", ex.Message);
    }

    [Fact]
    public void Json_syntax_error_names_file_and_line()
    {
        var path = Write("broken.json", "{\n  \"name\": \"x\",\n  \"version\": \"1\"\n  \"steps\": []\n}");
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path));
        Assert.Contains(path + "(4,", ex.Message);
    }

    [Fact]
    public void Unknown_field_names_file_line_and_field()
    {
        var path = Write("typo.yaml", "name: x\nversion: \"1\"\nsteps:\n  - name: a\n    kind: transform\n    compnent: trim\n");
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path));
        Assert.Contains(path + "(6)", ex.Message);
        Assert.Contains("'compnent'", ex.Message);
    }

    [Theory]
    [InlineData("{ top: 1 }", SearchMode.Keyword)]
    [InlineData("{ top: 1, mode: keyword }", SearchMode.Keyword)]
    [InlineData("{ top: 1, mode: vector }", SearchMode.Vector)]
    [InlineData("{ top: 1, mode: hybrid }", SearchMode.Hybrid)]
    [InlineData("{ top: 1, mode: Hybrid }", SearchMode.Hybrid)]
    public async Task Retrieve_step_mode_comes_from_the_definition(string options, SearchMode expected)
    {
        var index = new RecordingSearchIndex("refund a double charge", "charge disputes", "reset password");
        var catalog = Catalog().Register("kb", (o, sp) => index);
        var path = Write("mode.yaml", TriageYaml.Replace("options: { top: 1 }", "options: " + options, StringComparison.Ordinal));

        var wf = WorkflowDefinition.Load(path).Build<Ticket>(catalog);
        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "double charge" });

        var query = Assert.Single(index.Queries);
        Assert.Equal(expected, query.Mode);
        Assert.Equal(1, query.Top);
        Assert.Single(result.State.Hits);
        Assert.StartsWith("mode=" + expected.ToString().ToLowerInvariant() + " ", result.Steps.Single(s => s.Step == "kb").Outcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retrieve_mode_in_a_json_definition_is_read_too()
    {
        var index = new RecordingSearchIndex("refund a double charge");
        var json = """
            {"name": "kb-json", "version": "1", "steps": [
              {"name": "kb", "kind": "retrieve", "component": "kb", "input": "Text", "output": "Hits", "options": {"mode": "hybrid", "top": "2"}}
            ]}
            """;
        var wf = WorkflowDefinition.Load(Write("kb.json", json)).Build<Ticket>(Catalog().Register("kb", (o, sp) => index));

        await new WorkflowRunner().RunAsync(wf, new Ticket { Text = "refund" });

        var query = Assert.Single(index.Queries);
        Assert.Equal(SearchMode.Hybrid, query.Mode);
        Assert.Equal(2, query.Top);
    }

    [Theory]
    [InlineData("semantic")]
    [InlineData("2")]
    [InlineData("keyword,vector")]
    public void Unknown_retrieve_mode_names_file_line_step_field_and_the_choices(string mode)
    {
        var path = Write("badmode.yaml", TriageYaml.Replace("options: { top: 1 }", $"options: {{ top: 1, mode: \"{mode}\" }}", StringComparison.Ordinal));
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path).Build<Ticket>(Catalog()));
        Assert.Contains(path + "(", ex.Message, StringComparison.Ordinal);
        Assert.Contains("step 'kb'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("field 'options.mode'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{mode}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("keyword, vector or hybrid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mode_is_an_engine_option_and_does_not_reach_the_component_factory()
    {
        IReadOnlyDictionary<string, string>? seen = null;
        var catalog = Catalog().Register("kb", (o, sp) =>
        {
            seen = o;
            return new ListSearchIndex("refund");
        });
        var path = Write("engine.yaml", TriageYaml.Replace("options: { top: 1 }", "options: { top: 1, mode: hybrid, collection: help }", StringComparison.Ordinal));

        WorkflowDefinition.Load(path).Build<Ticket>(catalog);

        Assert.Equal(new Dictionary<string, string> { ["collection"] = "help" }, seen);
    }

    [Fact]
    public void Mode_and_top_of_a_classify_step_still_reach_its_component_factory()
    {
        IReadOnlyDictionary<string, string>? seen = null;
        var catalog = Catalog().Register("keyword", (options, sp) =>
        {
            seen = options;
            return new KeywordClassifier(("billing", options["billing"]));
        });
        var path = Write("classify-mode.yaml", TriageYaml.Replace("billing: charge", "billing: charge\n      mode: strict\n      top: 3", StringComparison.Ordinal));

        WorkflowDefinition.Load(path).Build<Ticket>(catalog);

        Assert.Equal(new Dictionary<string, string> { ["billing"] = "charge", ["mode"] = "strict", ["top"] = "3" }, seen);
    }

    [Fact]
    public void Unknown_component_names_file_line_step_and_field()
    {
        var path = Write("unknown.yaml", TriageYaml.Replace("component: urgency", "component: fraud-gbm", StringComparison.Ordinal));
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path).Build<Ticket>(Catalog()));
        Assert.Contains(path + "(16)", ex.Message);
        Assert.Contains("step 'urgency'", ex.Message);
        Assert.Contains("field 'component'", ex.Message);
        Assert.Contains("'fraud-gbm'", ex.Message);
    }

    [Fact]
    public void Unknown_property_names_step_field_and_property()
    {
        var path = Write("prop.yaml", TriageYaml.Replace("output: Urgency", "output: Urgence", StringComparison.Ordinal));
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path).Build<Ticket>(Catalog()));
        Assert.Contains(path, ex.Message);
        Assert.Contains("step 'urgency'", ex.Message);
        Assert.Contains("field 'output'", ex.Message);
        Assert.Contains("'Urgence'", ex.Message);
    }

    [Fact]
    public void Input_type_mismatch_names_both_types()
    {
        var path = Write("mismatch.yaml", TriageYaml.Replace("input: Text\n    output: Category", "input: Length\n    output: Category", StringComparison.Ordinal));
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path).Build<Ticket>(Catalog()));
        Assert.Contains("step 'classify'", ex.Message);
        Assert.Contains("field 'input'", ex.Message);
        Assert.Contains("String", ex.Message);
        Assert.Contains("Int32", ex.Message);
    }

    [Fact]
    public void Output_type_not_assignable_is_refused()
    {
        var path = Write("out.yaml", TriageYaml.Replace("output: Category", "output: Urgency", StringComparison.Ordinal));
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path).Build<Ticket>(Catalog()));
        Assert.Contains("step 'classify'", ex.Message);
        Assert.Contains("field 'output'", ex.Message);
        Assert.Contains("Double", ex.Message);
    }

    [Fact]
    public async Task Scorer_with_matching_int_input_binds()
    {
        const string yaml = """
            name: lengths
            version: "1"
            steps:
              - { name: score, kind: score, component: length, input: Length, output: Urgency }
            """;
        var wf = WorkflowDefinition.Parse(yaml, "inline.yaml").Build<Ticket>(Catalog());
        var result = await new WorkflowRunner().RunAsync(wf, new Ticket { Length = 12 });
        Assert.Equal(12, result.State.Urgency);
    }

    [Fact]
    public void Unknown_named_gate_and_bad_options_are_refused()
    {
        var gate = Write("gate.yaml", TriageYaml.Replace("component: never", "component: sometimes", StringComparison.Ordinal));
        var gateError = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(gate).Build<Ticket>(Catalog()));
        Assert.Contains("step 'review'", gateError.Message);
        Assert.Contains("'sometimes'", gateError.Message);

        var timeout = Write("timeout.yaml", TriageYaml.Replace("timeout: 2s", "timeout: soon", StringComparison.Ordinal));
        var timeoutError = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(timeout).Build<Ticket>(Catalog()));
        Assert.Contains("field 'options.timeout'", timeoutError.Message);
    }

    [Fact]
    public void Branch_target_missing_from_the_file_is_refused_naming_the_file()
    {
        var path = Write("target.yaml", TriageYaml.Replace("targets: [review, $end]", "targets: [reviw, $end]", StringComparison.Ordinal));
        var ex = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Load(path).Build<Ticket>(Catalog()));
        Assert.Contains(path, ex.Message);
        Assert.Contains("'reviw'", ex.Message);
    }

    [Fact]
    public void Unknown_kind_and_missing_name_are_refused()
    {
        var kind = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition
            .Parse("name: k\nversion: \"1\"\nsteps:\n  - { name: a, kind: summarize }\n", "k.yaml").Build<Ticket>(Catalog()));
        Assert.Contains("k.yaml(4)", kind.Message);
        Assert.Contains("'summarize'", kind.Message);

        var name = Assert.Throws<WorkflowValidationException>(() => WorkflowDefinition.Parse("version: \"1\"\nsteps: []\n", "n.yaml"));
        Assert.Contains("n.yaml", name.Message);
        Assert.Contains("'name'", name.Message);
    }
}
