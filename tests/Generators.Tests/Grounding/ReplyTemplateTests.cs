using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

public class ReplyTemplateTests
{
    [Fact]
    public void Lists_its_slots_in_order_of_first_use()
    {
        var template = new ReplyTemplate("{greeting} {{literal}} {ticket_id} {body} {greeting}");

        Assert.Equal(["greeting", "ticket_id", "body"], template.Slots);
    }

    [Theory]
    [InlineData("Hello {greeting", "position 6")]
    [InlineData("Hello } there", "position 6")]
    [InlineData("Hello {} there", "position 6")]
    [InlineData("Hello {bad name}", "position 6")]
    public void Malformed_layouts_are_rejected_with_the_position(string text, string expected)
    {
        FormatException error = Assert.Throws<FormatException>(() => new ReplyTemplate(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_ins_are_chosen_by_language_and_kind()
    {
        Assert.Same(ReplyTemplate.FrenchReply, ReplyTemplate.BuiltIn("fr"));
        Assert.Same(ReplyTemplate.EnglishSummary, ReplyTemplate.BuiltIn("EN", summary: true));
        Assert.Equal("Sources :", ReplyTemplate.FrenchReply.SourcesHeading);
        Assert.Throws<ArgumentException>(() => ReplyTemplate.BuiltIn("de"));
    }

    [Fact]
    public void Literal_braces_render_as_single_braces()
    {
        var template = new ReplyTemplate("{{ref}} {body}");

        GroundedDraft draft = new GroundedDraftWriter().WriteReply("How long do refunds take?", KnowledgeBase.English, template: template);

        Assert.StartsWith("{ref} Here is what", draft.Text, StringComparison.Ordinal);
    }
}
