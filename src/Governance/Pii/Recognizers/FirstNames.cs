using System.Collections.Frozen;
using HybridAI.Governance.Pii.Names;

namespace HybridAI.Governance.Pii.Recognizers;

/// <summary>
/// First names from the @faker-js/faker locale data (English, French, German, Spanish, Italian, Dutch; the training
/// split, see eng/pii-data). Names that are also common words, months, places or technologies (May, Will, Grace,
/// Paris, Ruby, Till…) are left out on purpose: alone, they would mask ordinary words.
/// </summary>
internal static class FirstNames
{
    private static readonly string[] AlsoWords =
    [
        "May", "June", "April", "August", "Will", "Mark", "Grace", "Rose", "Hope", "Faith", "Joy", "Iris", "Ruby", "Amber",
        "Jade", "Pearl", "Ivy", "Lily", "Daisy", "Holly", "Summer", "Autumn", "Dawn", "Eve", "Sky", "Storm", "Angel", "Bill",
        "Pat", "Ray", "Art", "Frank", "Jack", "Drew", "Chase", "Lane", "Page", "Reed", "Miles", "Dean", "Grant", "Hunter",
        "Mason", "Price", "King", "Major", "Noble", "Sterling", "Paris", "London", "Florence", "Sydney", "Austin", "Dallas",
        "Till", "Ernst", "Max", "Don", "Justice", "Harmony", "Melody", "Destiny", "Genesis", "Nova", "River", "Heather",
        "Hazel", "Sage", "Stone", "Sandy", "Misty", "Rocky", "Berry", "Blanche", "Fleur", "Constance", "Patience", "Prudence",
        "Victoire", "Violette", "Aurore", "Modeste", "Fidèle", "Clémence", "Marine", "Olive", "Sterne", "Gay", "Trinity",
    ];

    public static readonly FrozenSet<string> Set = FrozenSet.Create(StringComparer.Ordinal,
        [.. Gazetteer.ReadList("first-names.txt").Except(AlsoWords, StringComparer.Ordinal)]);

    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Set.GetAlternateLookup<ReadOnlySpan<char>>();
}
