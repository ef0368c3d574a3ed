namespace HybridAI.Classifiers.Tests.Text;

public class TextFeaturizerTests
{
    private static readonly TextFeaturizer Default = TextFeaturizer.Fit(TicketData.Training.Select(t => t.Text));

    [Fact]
    public void Accented_and_unaccented_spellings_share_all_features()
    {
        var accented = Default.Transform("Remboursé");
        var plain = Default.Transform("rembourse");

        Assert.True(accented.Count > 5);
        Assert.Equal(plain.Indices.ToArray(), accented.Indices.ToArray());
        Assert.Equal(plain.Values.ToArray(), accented.Values.ToArray());
    }

    [Fact]
    public void Ligatures_fold_to_two_letters()
    {
        Assert.Equal(Default.Transform("coeur").Indices.ToArray(), Default.Transform("CŒUR").Indices.ToArray());
    }

    [Fact]
    public void Folding_can_be_turned_off()
    {
        var strict = TextFeaturizer.Fit(["é e"], new TextFeaturizerOptions { FoldAccents = false, CharNGramMax = 0 });

        Assert.NotEqual(strict.Transform("é").Indices.ToArray(), strict.Transform("e").Indices.ToArray());
    }

    [Fact]
    public void Word_ngrams_are_counted_with_raw_tf_when_sublinear_and_idf_are_off()
    {
        var options = new TextFeaturizerOptions
        {
            FeatureSpace = FeatureSpace.Vocabulary,
            CharNGramMax = 0,
            SublinearTf = false,
            UseIdf = false,
        };
        var featurizer = TextFeaturizer.Fit(["a b a"], options);

        Assert.Equal(4, featurizer.Dimension); // a, b, "a b", "b a"
        var x = featurizer.Transform("A b, a!");
        var byName = Enumerable.Range(0, x.Count).ToDictionary(i => featurizer.FeatureName(x.Indices[i]), i => x.Values[i]);
        var unit = 1 / Math.Sqrt(7); // counts 2, 1, 1, 1 before L2 normalisation
        Assert.Equal(2 * unit, byName["word:a"], 12);
        Assert.Equal(unit, byName["word:b"], 12);
        Assert.Equal(unit, byName["word:a b"], 12);
        Assert.Equal(unit, byName["word:b a"], 12);
    }

    [Fact]
    public void Char_ngrams_stay_inside_space_padded_words()
    {
        var options = new TextFeaturizerOptions { FeatureSpace = FeatureSpace.Vocabulary, WordNGramMax = 0 };
        var featurizer = TextFeaturizer.Fit(["abc d"], options);

        var names = Enumerable.Range(0, featurizer.Dimension).Select(featurizer.FeatureName).Order(StringComparer.Ordinal).ToArray();
        // " abc " gives 3 + 2 + 1 n-grams of lengths 3, 4, 5; " d " is exactly 3 long, so it counts once.
        Assert.Equal(["char: ab", "char: abc", "char: abc ", "char: d ", "char:abc", "char:abc ", "char:bc "], names);
    }

    [Fact]
    public void Vocabulary_drops_terms_below_min_document_frequency()
    {
        var options = new TextFeaturizerOptions { FeatureSpace = FeatureSpace.Vocabulary, CharNGramMax = 0, WordNGramMax = 1, MinDocumentFrequency = 2 };
        var featurizer = TextFeaturizer.Fit(["refund now", "refund later", "crash"], options);

        Assert.Equal(1, featurizer.Dimension);
        Assert.Equal("word:refund", featurizer.FeatureName(0));
        Assert.Equal(0, featurizer.Transform("crash").Count);
    }

    [Fact]
    public void Output_is_l2_normalised_and_sorted()
    {
        foreach (var (text, _) in TicketData.HeldOut)
        {
            var x = Default.Transform(text);
            Assert.Equal(1d, x.Norm(), 10);
            for (var i = 1; i < x.Count; i++)
            {
                Assert.True(x.Indices[i] > x.Indices[i - 1]);
            }
        }
    }

    [Fact]
    public void Text_without_letters_or_digits_gives_an_empty_vector()
    {
        Assert.Equal(0, Default.Transform(" ?!... ").Count);
        Assert.Equal(0, Default.Transform(string.Empty).Count);
    }

    [Fact]
    public void Hashed_features_are_named_after_the_terms_seen_while_fitting()
    {
        var featurizer = TextFeaturizer.Fit(["refund please"], new TextFeaturizerOptions { CharNGramMax = 0, WordNGramMax = 1 });

        var x = featurizer.Transform("refund");
        Assert.Equal(1, x.Count);
        Assert.Equal("word:refund", featurizer.FeatureName(x.Indices[0]));
        var unseen = featurizer.Transform("zebra").Indices[0];
        Assert.StartsWith("hash:", featurizer.FeatureName(unseen), StringComparison.Ordinal);
    }

    [Fact]
    public void Hashing_is_stable_across_featurizers()
    {
        var a = TextFeaturizer.Fit(["one text"]);
        var b = TextFeaturizer.Fit(["a completely different corpus"]);

        Assert.Equal(a.Transform("facture impayée").Indices.ToArray(), b.Transform("facture impayée").Indices.ToArray());
    }

    [Fact]
    public void Punctuation_splits_tokens()
    {
        var options = new TextFeaturizerOptions { FeatureSpace = FeatureSpace.Vocabulary, CharNGramMax = 0, WordNGramMax = 1 };
        var featurizer = TextFeaturizer.Fit(["mot-de-passe"], options);

        Assert.Equal(3, featurizer.Dimension);
        Assert.Equal(3, featurizer.Transform("mot de passe").Count);
    }

    [Fact]
    public void Invalid_options_are_rejected_by_name()
    {
        var ex = Assert.Throws<ArgumentException>(() => TextFeaturizer.Fit(["x"], new TextFeaturizerOptions { HashBits = 31 }));
        Assert.Contains("HashBits", ex.Message, StringComparison.Ordinal);

        ex = Assert.Throws<ArgumentException>(() => TextFeaturizer.Fit(["x"], new TextFeaturizerOptions { WordNGramMin = 3, WordNGramMax = 2 }));
        Assert.Contains("WordNGramMin", ex.Message, StringComparison.Ordinal);
    }
}
