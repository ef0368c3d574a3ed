using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Pii.Names;
using HybridAI.Governance.Pii.Recognizers;
using HybridAI.Governance.Tests.Support;
using Xunit.Abstractions;

namespace HybridAI.Governance.Tests.Pii.Names;

public class NamesRecognizerTests(ITestOutputHelper output)
{
    private static readonly IPiiRecognizer Recognizer = PiiRecognizers.NamesAndPlaces();

    [Fact]
    public void Finds_held_out_names_companies_and_places_it_never_saw()
    {
        var samples = HeldOutNames.Generate(1800, seed: 7);
        int[] expected = new int[4], found = new int[4], correct = new int[4];
        var findings = new List<PiiFinding>();
        foreach (var s in samples)
        {
            findings.Clear();
            Recognizer.Recognize(s.Text, findings);
            var kept = findings.Where(f => f.Score >= PiiDetector.DefaultMinScore).ToList();
            foreach (var e in s.Entities)
            {
                expected[e.Kind]++;
                if (kept.Any(f => f.Start == e.Start && f.Length == e.Length && NameTags.KindOf(f.Type) == e.Kind))
                    correct[e.Kind]++;
            }
            foreach (var f in kept)
                found[NameTags.KindOf(f.Type)]++;
        }
        // Exact spans and types; the floors sit about five points under what the committed model measures
        // (PERSON 82 % recall / 78 % precision, ORGANIZATION 70 / 81, LOCATION 88 / 83), to catch a worse retrain.
        double[] minRecall = [0, 0.77, 0.65, 0.83];
        for (var k = 1; k <= 3; k++)
        {
            var recall = correct[k] / (double)expected[k];
            var precision = correct[k] / (double)Math.Max(1, found[k]);
            output.WriteLine($"{NameTags.PiiType(k)}: recall {recall:P1} ({correct[k]}/{expected[k]}), precision {precision:P1} (exact spans)");
            Assert.True(recall >= minRecall[k], $"{NameTags.PiiType(k)} recall {recall:P1} is under {minRecall[k]:P0}");
            Assert.True(precision >= 0.7, $"{NameTags.PiiType(k)} precision {precision:P1} is under 70 %");
        }
    }

    [Theory]
    [InlineData("The printer on the second floor is jammed again.")]
    [InlineData("Yesterday my order was cancelled without notice.")]
    [InlineData("Please call me back before noon.")]
    [InlineData("Many thanks for the fast delivery.")]
    [InlineData("Nothing happens when I press the button.")]
    [InlineData("Where can I download the latest invoice?")]
    [InlineData("Unfortunately the screen is still black.")]
    [InlineData("Every morning the alarm goes off by itself.")]
    [InlineData("Could you check why my payment failed?")]
    [InlineData("Last week the app asked for my password twice.")]
    [InlineData("Hier soir la box a redémarré toute seule.")]
    [InlineData("Pourquoi ma commande est-elle encore en attente ?")]
    [InlineData("Rien ne se passe quand j'appuie sur le bouton.")]
    [InlineData("Impossible de télécharger la dernière facture.")]
    [InlineData("Malheureusement l'écran reste noir.")]
    [InlineData("Chaque matin l'alarme se déclenche toute seule.")]
    [InlineData("Pouvez-vous vérifier pourquoi mon paiement a échoué ?")]
    [InlineData("La semaine dernière l'appli m'a demandé mon mot de passe deux fois.")]
    [InlineData("Super service, merci beaucoup.")]
    [InlineData("Today Is The Last Day Of The Offer")]
    public void Ordinary_sentences_have_no_names(string text) =>
        Assert.Empty(Findings.Of(Recognizer, text));

    [Theory]
    [InlineData("Mme Lefèvre a payé chez Garnier SARL à Toulouse.", "PERSON:Lefèvre", "ORGANIZATION:Garnier SARL", "LOCATION:Toulouse")]
    [InlineData("My name is Emily Carter and I live in Manchester.", "PERSON:Emily Carter", "LOCATION:Manchester")]
    public void Documented_examples_hold(string text, params string[] expected)
    {
        var found = new List<PiiFinding>();
        Recognizer.Recognize(text, found);
        Assert.Equal(expected, found.Where(f => f.Score >= PiiDetector.DefaultMinScore).OrderBy(f => f.Start)
            .Select(f => $"{f.Type}:{text.AsSpan(f.Start, f.Length)}"));
    }
}
