namespace HybridAI.Governance.Tests.Anonymization;

/// <summary>Texts with several kinds of personal data, and the values planted in them.</summary>
internal static class Samples
{
    public const string Letter =
        "Bonjour, je m'appelle Marie Dupont. Écrivez à jean.dupont@example.fr ou appelez le 06 12 34 56 78. " +
        "Carte 4111 1111 1111 1111, IBAN FR76 3000 6000 0112 3456 7890 189.\nCordialement,\nMarie Dupont";

    public static readonly string[] LetterValues =
        ["Marie Dupont", "jean.dupont@example.fr", "06 12 34 56 78", "4111 1111 1111 1111", "FR76 3000 6000 0112 3456 7890 189"];

    /// <summary>Fragments long enough to identify a value (a leak check that also catches half a value).</summary>
    public static IEnumerable<string> Fragments(IEnumerable<string> values) =>
        values.SelectMany(v => new[] { v, v.Length > 10 ? v[..(v.Length / 2 + 3)] : v, v.Length > 10 ? v[(v.Length / 2 - 3)..] : v });
}
