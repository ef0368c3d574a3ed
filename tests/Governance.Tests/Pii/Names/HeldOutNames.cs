using System.Text;
using HybridAI.Governance.Pii.Names;

namespace HybridAI.Governance.Tests.Pii.Names;

/// <summary>
/// Sentences filled with the EVALUATION split (data/pii-eval/sources: values the gazetteers and the tagger never saw),
/// in templates of their own (none is a training template), with the expected entities marked.
/// </summary>
internal static class HeldOutNames
{
    private static readonly string[] Templates =
    [
        "Good morning, I am {PER} and my direct debit failed.",
        "Our accountant {PER} noticed two identical withdrawals.",
        "Could {PER} check the status of ticket 9921?",
        "Mr {LAST} never received the confirmation email.",
        "The transfer was sent to {ORG} without my consent.",
        "We are customers of {ORG} since 2019.",
        "The login came from {CITY} at 3am.",
        "My daughter lives in {CITY} and uses my card.",
        "Shipment delayed at the depot in {COUNTRY}.",
        "Bonsoir, c'est {PER}, mon abonnement a été résilié sans raison.",
        "Notre comptable {PER} a vu deux retraits identiques.",
        "Mme {LAST} n'a jamais reçu l'email de confirmation.",
        "Le virement a été envoyé à {ORG} sans mon accord.",
        "Nous sommes clients de {ORG} depuis 2019.",
        "La connexion venait de {CITY} à 3h du matin.",
        "Ma fille habite à {CITY} et utilise ma carte.",
        "Le colis est bloqué au dépôt en {COUNTRY}.",
        "Regards,\n{PER}",
    ];

    /// <summary>The lists at data/pii-eval/sources, read from the checkout.</summary>
    public static string[] Read(string file)
    {
        var path = Path.Combine(RepoRoot(), "data", "pii-eval", "sources", file);
        return [.. File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#')];
    }

    public static List<LabelledText> Generate(int count, int seed)
    {
        var first = Read("first-names.txt");
        var last = Read("last-names.txt");
        var companies = Read("companies.txt");
        var cities = Read("cities.txt");
        var countries = Read("countries.txt");
        var random = new Random(seed);
        var result = new List<LabelledText>(count);
        for (var i = 0; i < count; i++)
        {
            var template = Templates[i % Templates.Length];
            var text = new StringBuilder();
            var entities = new List<EntitySpan>();
            var at = 0;
            while (true)
            {
                var open = template.IndexOf('{', at);
                if (open < 0)
                {
                    text.Append(template, at, template.Length - at);
                    break;
                }
                text.Append(template, at, open - at);
                var close = template.IndexOf('}', open);
                var (value, kind) = template[(open + 1)..close] switch
                {
                    "PER" => (first[random.Next(first.Length)] + " " + last[random.Next(last.Length)], 1),
                    "LAST" => (last[random.Next(last.Length)], 1),
                    "ORG" => (companies[random.Next(companies.Length)], 2),
                    "CITY" => (cities[random.Next(cities.Length)], 3),
                    _ => (countries[random.Next(countries.Length)], 3),
                };
                entities.Add(new EntitySpan(text.Length, value.Length, kind));
                text.Append(value);
                at = close + 1;
            }
            result.Add(new LabelledText(text.ToString(), [.. entities]));
        }
        return result;
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("HybridAI.sln not found above " + AppContext.BaseDirectory);
    }
}
