namespace HybridAI.PiiEvalData;

/// <summary>
/// The evaluation-split names, companies and places (data/pii-eval/sources/*.txt: one value a line, '#' comments).
/// Every value is checked against the split rule when read, so a training value can never reach the set.
/// </summary>
public sealed class SourceLists
{
    public required IReadOnlyList<string> FirstNames { get; init; }
    public required IReadOnlyList<string> LastNames { get; init; }
    public required IReadOnlyList<string> Companies { get; init; }
    public required IReadOnlyList<string> Cities { get; init; }
    public required IReadOnlyList<string> Countries { get; init; }
    public required IReadOnlyList<string> EnglishStreets { get; init; }
    public required IReadOnlyList<string> FrenchStreets { get; init; }
    public required IReadOnlyList<string> GermanStreets { get; init; }

    public static readonly string[] FileNames = ["first-names.txt", "last-names.txt", "companies.txt", "cities.txt", "countries.txt", "streets.txt"];

    public static SourceLists Load(string directory)
    {
        var streets = Read(directory, "streets.txt");
        return new SourceLists
        {
            FirstNames = Read(directory, "first-names.txt"),
            LastNames = Read(directory, "last-names.txt"),
            Companies = Read(directory, "companies.txt"),
            Cities = Read(directory, "cities.txt").Where(c => c.Length <= 24).ToArray(),
            Countries = Read(directory, "countries.txt").Where(c => c.Length <= 24 && !c.Contains('(')).ToArray(),
            EnglishStreets = streets.Where(IsEnglishStreet).ToArray(),
            FrenchStreets = streets.Where(IsFrenchStreet).ToArray(),
            GermanStreets = streets.Where(IsGermanStreet).ToArray(),
        };
    }

    /// <summary>The values of one list file, in file order.</summary>
    public static string[] Read(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Source list {path} is missing (data/pii-eval/sources comes from eng/pii-data/export-faker.mjs).", path);
        var values = new List<string>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var value = raw.Trim();
            if (value.Length == 0 || value.StartsWith('#'))
                continue;
            if (!EvaluationSplit.IsEvaluation(value))
                throw new InvalidDataException($"{path} line {lineNumber}: the value is not in the evaluation split (FNV-1a % 4 != 0).");
            values.Add(value);
        }
        return [.. values];
    }

    private static readonly string[] EnglishSuffixes =
        ["Street", "Road", "Avenue", "Lane", "Drive", "Way", "Court", "Close", "Loop", "Keys", "Spur", "Walk", "Square", "Park", "Hill", "Place", "Crescent", "Grove", "Terrace", "Gardens", "Row", "Mews", "Boulevard", "Parkway", "Ways", "Trail", "Circle", "Pass", "Ridge", "Lodge"];

    private static bool IsEnglishStreet(string street) =>
        !street.Contains('.') && Array.IndexOf(EnglishSuffixes, street[(street.LastIndexOf(' ') + 1)..]) >= 0 && street.Contains(' ');

    private static readonly string[] FrenchPrefixes =
        ["rue ", "avenue ", "boulevard ", "place ", "chemin ", "allée ", "impasse ", "quai ", "route ", "cours ", "square ", "passage ", "voie "];

    private static bool IsFrenchStreet(string street) =>
        FrenchPrefixes.Any(p => street.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static readonly string[] GermanSuffixes = ["straße", "strasse", "str.", "weg", "platz", "allee", "gasse", "ring", "damm"];

    private static bool IsGermanStreet(string street) =>
        GermanSuffixes.Any(s => street.EndsWith(s, StringComparison.OrdinalIgnoreCase)) && !IsFrenchStreet(street) && !street.Contains("laan");
}
