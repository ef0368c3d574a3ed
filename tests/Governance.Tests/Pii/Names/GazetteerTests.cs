using System.Text;
using HybridAI.Governance.Pii.Names;

namespace HybridAI.Governance.Tests.Pii.Names;

public class GazetteerTests
{
    private static readonly Gazetteer Small = Gazetteer.Create(
    [
        ("Hélène", GazetteerKinds.FirstName), ("Le Goff", GazetteerKinds.LastName), ("Saint-Étienne", GazetteerKinds.City),
        ("Rohan, Koss and Ortiz", GazetteerKinds.Company), ("Paris", GazetteerKinds.City), ("Paris", GazetteerKinds.FirstName),
    ]);

    [Theory]
    [InlineData("Hélène", (int)(GazetteerKinds.FirstName))]
    [InlineData("HELENE", (int)(GazetteerKinds.FirstName))]
    [InlineData("helene", (int)(GazetteerKinds.FirstName))]
    [InlineData("le goff", (int)(GazetteerKinds.LastName))]
    [InlineData("SAINT-ETIENNE", (int)(GazetteerKinds.City))]
    [InlineData("Rohan, Koss and Ortiz", (int)(GazetteerKinds.Company))]
    [InlineData("Paris", (int)(GazetteerKinds.City | GazetteerKinds.FirstName))]
    [InlineData("Rohan Koss and Ortiz", (int)(GazetteerKinds.None))] // the comma is part of the entry
    [InlineData("Goff", (int)(GazetteerKinds.None))]
    public void Lookup_folds_case_and_accents_and_matches_whole_token_sequences(string value, int expected)
    {
        var tokens = new NameToken[16];
        var n = NameTokenizer.Tokenize(value, ref tokens);
        Assert.Equal((GazetteerKinds)expected, Small.Lookup(value, tokens.AsSpan(0, n)));
    }

    [Fact]
    public void Prepared_text_marks_every_token_of_a_multi_word_entry()
    {
        const string text = "Payé chez Rohan, Koss and Ortiz à Saint-Étienne par Mme Le Goff";
        using var tagged = new TaggedText();
        tagged.Prepare(text, Small);
        var covered = Enumerable.Range(0, tagged.Count)
            .Where(i => tagged.Covered[i] != GazetteerKinds.None)
            .Select(i => text.Substring(tagged.Tokens[i].Start, tagged.Tokens[i].Length));
        Assert.Equal(["Rohan", ",", "Koss", "and", "Ortiz", "Le", "Goff"], covered);
        var city = Enumerable.Range(0, tagged.Count).Single(i => tagged.Single[i] == GazetteerKinds.City);
        Assert.Equal("Saint-Étienne", text.Substring(tagged.Tokens[city].Start, tagged.Tokens[city].Length));
    }

    [Fact]
    public void Built_in_lists_load_from_the_registry_data()
    {
        Assert.True(Gazetteer.Default.Count > 15000, $"only {Gazetteer.Default.Count} entries");
        Assert.True(Gazetteer.Default.Longest is > 1 and <= Gazetteer.MaxTokens);
    }

    [Fact]
    public void Embedded_lists_hold_the_training_split_only_and_the_evaluation_lists_the_rest()
    {
        foreach (var (file, _) in Gazetteer.Files)
        {
            var training = Gazetteer.ReadList(file).ToList();
            var evaluation = HeldOutNames.Read(file);
            Assert.NotEmpty(training);
            Assert.NotEmpty(evaluation);
            Assert.All(training, v => Assert.NotEqual(0u, SplitHash(v) % 4));
            Assert.All(evaluation, v => Assert.Equal(0u, SplitHash(v) % 4));
            // Disjoint also after folding, so an evaluation value is never a training value in another case or accent.
            var folded = training.Select(v => Folding.Hash(v)).ToHashSet();
            Assert.DoesNotContain(evaluation, v => folded.Contains(Folding.Hash(v)) && training.Contains(v, StringComparer.OrdinalIgnoreCase));
        }
    }

    /// <summary>The split rule shared with the evaluation set: FNV-1a 32-bit over UTF-8 of the trimmed, lower-cased value.</summary>
    private static uint SplitHash(string value)
    {
        var h = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(value.Trim().ToLowerInvariant()))
        {
            h ^= b;
            h *= 16777619u;
        }
        return h;
    }
}
