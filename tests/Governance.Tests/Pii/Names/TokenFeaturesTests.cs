using HybridAI.Governance.Pii.Names;

namespace HybridAI.Governance.Tests.Pii.Names;

public class TokenFeaturesTests
{
    private static readonly Gazetteer Lists = Gazetteer.Create([("Dupont", GazetteerKinds.LastName), ("Lyon", GazetteerKinds.City)]);

    private static HashSet<int> Features(string text, int token, int previousTag = NameTags.O)
    {
        using var tagged = new TaggedText();
        tagged.Prepare(text, Lists);
        Span<int> buffer = stackalloc int[TokenFeatures.Max];
        var n = TokenFeatures.Extract(text, tagged, token, previousTag, NameTags.O, buffer);
        Assert.InRange(n, 1, TokenFeatures.Max);
        Assert.All(buffer[..n].ToArray(), f => Assert.InRange(f, 0, TokenFeatures.BucketMask));
        return [.. buffer[..n].ToArray()];
    }

    [Fact]
    public void Same_token_in_same_context_gives_the_same_features()
    {
        Assert.Equal(Features("Mme Dupont habite à Lyon", 1), Features("Mme Dupont habite à Lyon", 1));
    }

    [Fact]
    public void Case_gazetteer_membership_context_and_previous_tag_each_change_the_features()
    {
        var baseline = Features("voir Mme Dupont demain", 2);
        Assert.NotEqual(baseline, Features("voir Mme Durand demain", 2)); // not in the list (and another word)
        Assert.NotEqual(baseline, Features("voir chez Dupont demain", 2)); // "chez" instead of a title
        Assert.NotEqual(baseline, Features("voir Mme DUPONT demain", 2)); // all capitals
        Assert.NotEqual(baseline, Features("voir Mme Dupont demain", 2, previousTag: NameTags.Begin(1)));
        // Membership is a feature of its own: a listed and an unlisted word share their shape features but not all.
        var listed = Features("à Lyon", 1);
        var unlisted = Features("à Lyoz", 1);
        Assert.NotEmpty(listed.Intersect(unlisted));
        Assert.NotEqual(listed, unlisted);
    }
}
