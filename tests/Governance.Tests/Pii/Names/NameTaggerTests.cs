using HybridAI.Governance.Pii.Names;

namespace HybridAI.Governance.Tests.Pii.Names;

public class NameTaggerTests
{
    [Fact]
    public void Learns_a_toy_task_and_applies_it_to_words_it_never_saw()
    {
        // Persons follow "Mme", companies end in "SARL", places follow "habite à"; no gazetteer at all.
        string[] names = ["Abel", "Brun", "Colin", "Dorey", "Etienne", "Favre", "Gillet", "Hamon"];
        var texts = new List<LabelledText>();
        foreach (var a in names)
        {
            foreach (var b in names)
            {
                var person = $"Mme {a} habite à {b}.";
                texts.Add(new LabelledText(person, [new EntitySpan(4, a.Length, 1), new EntitySpan(person.Length - b.Length - 1, b.Length, 3)]));
                var company = $"Payé chez {a} SARL hier.";
                texts.Add(new LabelledText(company, [new EntitySpan(10, a.Length + 5, 2)]));
                texts.Add(new LabelledText($"Merci {a.ToLowerInvariant()} pour tout.", []));
            }
        }
        var tagger = NameTaggerTraining.Train(texts, Gazetteer.Create([]), epochs: 5, seed: 1);
        Assert.Equal(["PERSON:Quentin", "LOCATION:Rennes", "ORGANIZATION:Vasseur SARL"],
            Entities(tagger, "Mme Quentin habite à Rennes. Payé chez Vasseur SARL hier."));
    }

    [Fact]
    public void The_committed_model_is_what_retraining_gives()
    {
        using var committed = typeof(NameTagger).Assembly.GetManifestResourceStream(NameTagger.ResourceName)!;
        using var expected = new MemoryStream();
        committed.CopyTo(expected);
        using var retrained = new MemoryStream();
        NameTaggerTraining.TrainDefault().Save(retrained);
        Assert.True(expected.ToArray().AsSpan().SequenceEqual(retrained.ToArray()),
            "src/Governance/Pii/Names/names-model.bin is stale: run `dotnet run -c Release --project eng/pii-data/TrainNames`.");
    }

    [Fact]
    public void Saved_model_loads_back_with_the_same_weights()
    {
        var tagger = NameTagger.Default;
        using var buffer = new MemoryStream();
        tagger.Save(buffer);
        buffer.Position = 0;
        var loaded = NameTagger.Load(buffer);
        Assert.Equal(tagger.MarginScale, loaded.MarginScale);
        Assert.Equal(tagger.Weights, loaded.Weights);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_reported_clearly()
    {
        var ex = Assert.Throws<InvalidDataException>(() => NameTagger.Load(new MemoryStream("{\"weights\":[]}"u8.ToArray())));
        Assert.Contains("HNT", ex.Message, StringComparison.Ordinal);
    }

    private static List<string> Entities(NameTagger tagger, string text)
    {
        var found = new List<Abstractions.Privacy.PiiFinding>();
        new NamesRecognizer(tagger, Gazetteer.Create([])).Recognize(text, found);
        return [.. found.OrderBy(f => f.Start).Select(f => $"{f.Type}:{text.AsSpan(f.Start, f.Length)}")];
    }
}
