using System.Text.Json;
using HybridAI.Tests.Json;

namespace HybridAI.Native.LlamaCpp.Tests;

[Collection(TinyModelCollection.Name)]
public sealed class JsonSchemaGrammarTests(TinyModelFixture tiny)
{
    private const string Ticket = """
        {
          "type": "object",
          "properties": {
            "category": { "enum": ["billing", "outage", "other"] },
            "summary": { "type": "string", "maxLength": 12 },
            "priority": { "type": "integer" },
            "urgent": { "type": "boolean" },
            "score": { "type": "number" },
            "tags": { "type": "array", "items": { "type": "string", "maxLength": 5 }, "maxItems": 2 },
            "customer": {
              "type": "object",
              "properties": { "tier": { "enum": ["gold", "basic"] }, "note": { "type": ["string", "null"], "maxLength": 6 } },
              "required": ["tier"]
            }
          },
          "required": ["category", "summary", "urgent", "customer"]
        }
        """;

    [Fact]
    public void Writes_one_rule_per_structured_value_and_literal_json_for_enums()
    {
        var gbnf = JsonSchemaGrammar.FromSchema(Ticket);
        Assert.StartsWith("root ::= root\n", gbnf, StringComparison.Ordinal);
        Assert.Contains("""( "\"billing\"" | "\"outage\"" | "\"other\"" )""", gbnf, StringComparison.Ordinal);
        Assert.Contains("char{0,12}", gbnf, StringComparison.Ordinal);
        Assert.Contains("""root-tags ::= "[" ( root-tags-item""", gbnf.Replace("\"\\\"\" char{0,5} \"\\\"\"", "root-tags-item", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("{0,1}", gbnf, StringComparison.Ordinal); // at most one more tag after the first
    }

    [Theory]
    [InlineData("""{"$ref":"#/defs/x"}""", "'$ref'", "#")]
    [InlineData("""{"type":"object","properties":{"id":{"type":"string","pattern":"^[a-z]+$"}}}""", "'pattern'", "#/properties/id")]
    [InlineData("""{"type":"array","items":{"type":"date"}}""", "'date'", "#/items")]
    [InlineData("""{"type":"string","minLength":5,"maxLength":2}""", "maxLength", "#")]
    public void Unsupported_or_inconsistent_schemas_are_refused_naming_where(string schema, string what, string where)
    {
        var e = Assert.Throws<ArgumentException>(() => JsonSchemaGrammar.FromSchema(schema));
        Assert.Contains(what, e.Message, StringComparison.Ordinal);
        Assert.Contains($"at {where}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => JsonSchemaGrammar.FromSchema("{type: object"));
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [NativeFact]
    public void Constrained_output_parses_and_matches_the_schema_or_ends_for_length_never_invalid_with_stop()
    {
        using var schema = JsonDocument.Parse(Ticket);
        var gbnf = JsonSchemaGrammar.FromSchema(schema.RootElement);
        using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 512 });
        var prompt = tiny.Model.Tokenize(tiny.Model.ApplyChatTemplate([new("user", "Classify: my invoice is wrong")]), parseSpecial: true);
        var completed = 0;
        var ranOut = 0;
        for (uint seed = 1; seed <= 6; seed++)
        {
            foreach (var budget in new[] { 200, 12 })
            {
                var steps = context.Generate(prompt, new() { MaxTokens = budget, Grammar = gbnf, Sampling = new() { Temperature = 1, Seed = seed } }).ToList();
                var text = string.Concat(steps.Select(s => s.Text));
                if (steps[^1].FinishReason == LlamaFinishReason.Stop)
                {
                    using var output = JsonDocument.Parse(text);
                    Assert.Null(SchemaCheck.Violation(output.RootElement, schema.RootElement));
                    completed++;
                }
                else
                {
                    Assert.Equal(LlamaFinishReason.Length, steps[^1].FinishReason);
                    Assert.Equal(budget, steps.Count);
                    ranOut++;
                }
            }
        }

        Assert.True(completed >= 3, $"{completed} of 12 runs completed the object");
        Assert.True(ranOut >= 1, "a 12-token budget cannot hold the object");
    }

    [NativeFact]
    public void The_any_json_object_grammar_gives_an_object()
    {
        using var context = tiny.Model.CreateContext(new LlamaContextOptions { Threads = 1, ContextSize = 256 });
        var prompt = tiny.Model.Tokenize("JSON:");
        var steps = context.Generate(prompt, new() { MaxTokens = 60, Grammar = JsonSchemaGrammar.AnyJsonObject, Sampling = new() { Temperature = 0 } }).ToList();
        var text = string.Concat(steps.Select(s => s.Text));
        Assert.StartsWith("{", text, StringComparison.Ordinal);
        if (steps[^1].FinishReason == LlamaFinishReason.Stop)
        {
            using var doc = JsonDocument.Parse(text);
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        }
    }
}
