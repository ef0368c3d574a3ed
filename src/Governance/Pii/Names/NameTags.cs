using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Names;

/// <summary>The BIO tags of the name tagger: outside, or the beginning or inside of a person, organisation or place.</summary>
internal static class NameTags
{
    public const int Count = 7;
    public const byte O = 0;

    /// <summary>The entity kind of a tag: 0 for O, 1 person, 2 organisation, 3 location.</summary>
    public static int Kind(int tag) => (tag + 1) / 2;

    public static bool IsBegin(int tag) => tag != O && tag % 2 == 1;

    public static byte Begin(int kind) => (byte)(kind * 2 - 1);

    public static byte Inside(int kind) => (byte)(kind * 2);

    /// <summary>I-X may only follow B-X or I-X.</summary>
    public static bool Allowed(int tag, int previous) =>
        tag == O || IsBegin(tag) || Kind(previous) == Kind(tag);

    public static string PiiType(int kind) => kind switch
    {
        1 => PiiTypes.Person,
        2 => PiiTypes.Organization,
        _ => PiiTypes.Location,
    };

    public static int KindOf(string piiType) => piiType switch
    {
        PiiTypes.Person => 1,
        PiiTypes.Organization => 2,
        PiiTypes.Location => 3,
        _ => throw new ArgumentException($"The name tagger knows PERSON, ORGANIZATION and LOCATION, not '{piiType}'.", nameof(piiType)),
    };
}
