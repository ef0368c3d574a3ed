using System.Text;

namespace HybridAI.Governance.Pii.Names;

/// <summary>
/// Generates the tagger's labelled training text: <see cref="TrainingTemplates"/> filled with values of the training
/// split only. A third of those values are held back from the gazetteer the tagger sees while it learns, so it also
/// learns to find names from context and shape, as it must for names in no list. Deterministic for a seed.
/// </summary>
internal sealed class TrainingText
{
    private static readonly string[] EnglishSuffixes = ["Inc", "Inc.", "Ltd", "LLC", "PLC", "Group", "& Co", "Corp", "Holdings", "Partners", "Consulting", "Logistics", "Bank"];
    private static readonly string[] FrenchSuffixes = ["SA", "SARL", "SAS", "et Fils", "Groupe", "Conseil", "Assurances", "Transports", "Immobilier"];
    private static readonly string[] GermanSuffixes = ["GmbH", "AG", "KG", "GmbH & Co. KG"];
    private static readonly string[] OrgPrefixes = ["Banque", "Cabinet", "Groupe", "Maison", "Garage", "Pharmacie", "Bank of", "Hotel", "Transports"];

    private readonly string[] _first, _last, _companies, _cities, _countries, _regions;
    private ulong _state;

    private TrainingText(ulong seed, Func<string, bool> keep)
    {
        _state = seed;
        string[] Read(string file) => [.. Gazetteer.ReadList(file).Where(keep)];
        _first = Read("first-names.txt");
        _last = Read("last-names.txt");
        _companies = Read("companies.txt");
        _cities = Read("cities.txt");
        _countries = Read("countries.txt");
        _regions = Read("states.txt");
    }

    /// <summary>Whether a training value is hidden from the tagger's gazetteer while it learns (about one in three).</summary>
    public static bool HiddenWhileLearning(string value)
    {
        var h = Folding.Hash(value.Trim());
        return h % 2 == 0;
    }

    /// <summary>The gazetteer the tagger learns with: the training split less the hidden third.</summary>
    public static Gazetteer LearningGazetteer() =>
        Gazetteer.Create(Gazetteer.Files.SelectMany(f => Gazetteer.ReadList(f.File).Where(v => !HiddenWhileLearning(v)).Select(v => (v, f.Kind))));

    /// <summary><paramref name="count"/> labelled texts, deterministic for <paramref name="seed"/>.</summary>
    public static List<LabelledText> Generate(int count, ulong seed)
    {
        var g = new TrainingText(seed, _ => true);
        var all = TrainingTemplates.English.Concat(TrainingTemplates.French).ToArray();
        var ordinary = OrdinaryWords(all.Concat(TrainingTemplates.Plain));
        var result = new List<LabelledText>(count);
        for (var i = 0; i < count; i++)
        {
            var template = g.Sentence(all, ordinary);
            // Two sentences together sometimes, so sentence starts appear mid-text too.
            if (g.Next(3) == 0)
                template = template + (g.Next(4) == 0 ? "\n" : " ") + g.Sentence(all, ordinary);
            result.Add(g.Fill(template));
        }
        return result;
    }

    private string Sentence(string[] all, string[] ordinary)
    {
        var template = Next(10) < 2 ? TrainingTemplates.Plain[Next(TrainingTemplates.Plain.Length)] : all[Next(all.Length)];
        // A capitalised word before the sentence: a known starter ("Yesterday") or any ordinary word of the
        // templates, so a capital at a sentence start alone does not make a name.
        if (Next(5) < 2)
            return TrainingTemplates.Starters[Next(TrainingTemplates.Starters.Length)] + (Next(3) == 0 ? ", " : " ") + template;
        if (Next(4) == 0)
            return ordinary[Next(ordinary.Length)] + " " + template;
        return template;
    }

    /// <summary>The lower-case words of the templates, capitalised ("called" → "Called"), in a stable order.</summary>
    private static string[] OrdinaryWords(IEnumerable<string> templates)
    {
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var t in templates)
        {
            foreach (var w in t.Split([' ', ',', '.', '?', '!', '\n', ':', '\''], StringSplitOptions.RemoveEmptyEntries))
            {
                if (w.Length > 2 && char.IsLower(w[0]) && !w.Contains('{'))
                    words.Add(char.ToUpperInvariant(w[0]) + w[1..]);
            }
        }
        return [.. words];
    }

    private LabelledText Fill(string template)
    {
        var text = new StringBuilder(template.Length + 32);
        var entities = new List<EntitySpan>(4);
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }
            text.Append(template, at, open - at);
            var close = template.IndexOf('}', open);
            var slot = template[(open + 1)..close];
            var (value, kind) = Value(slot);
            entities.Add(new EntitySpan(text.Length, value.Length, kind));
            text.Append(value);
            at = close + 1;
        }
        return new LabelledText(text.ToString(), [.. entities]);
    }

    private (string Value, int Kind) Value(string slot) => slot switch
    {
        "PER" => (Person(), 1),
        "FIRST" => (Pick(_first), 1),
        "LAST" => (Pick(_last), 1),
        "ORG" => (Company(), 2),
        "CITY" => (Pick(_cities), 3),
        "COUNTRY" => (Pick(_countries), 3),
        "REGION" => (Pick(_regions), 3),
        _ => throw new InvalidOperationException($"Unknown training slot '{{{slot}}}'."),
    };

    private string Person()
    {
        var first = Pick(_first);
        var last = Pick(_last);
        return Next(20) switch
        {
            0 => first + "-" + Pick(_first) + " " + last,
            1 => first + " " + last.ToUpperInvariant(),
            2 => first + " " + Pick(_first) + " " + last,
            3 => first + " " + last + "-" + Pick(_last),
            4 => (first + " " + last).ToUpperInvariant(),
            5 => first[0] + ". " + last,
            _ => first + " " + last,
        };
    }

    private string Company() => Next(10) switch
    {
        < 4 => Pick(_companies),
        4 or 5 => Pick(_last) + " " + Pick(EnglishSuffixes),
        6 => Pick(_last) + " " + Pick(FrenchSuffixes),
        7 => Pick(_last) + " " + Pick(GermanSuffixes),
        8 => Pick(OrgPrefixes) + " " + Pick(_last),
        _ => Pick(_last) + (Next(2) == 0 ? " & " : " et ") + Pick(_last),
    };

    private string Pick(string[] values) => values[Next(values.Length)];

    private int Next(int bound)
    {
        // SplitMix64: fixed across runtimes, unlike System.Random's unseeded or future algorithms.
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)bound);
    }
}
