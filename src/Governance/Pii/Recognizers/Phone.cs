using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Pii.Recognizers;

public static partial class PiiRecognizers
{
    private static readonly string[] PhoneContext =
        ["phone", "tel", "tél", "téléphone", "telephone", "mobile", "portable", "call", "appeler", "appelez", "joindre", "numéro", "number", "cell", "fax", "whatsapp"];

    // Digit groups after these words are references, not phone numbers.
    private static readonly string[] ReferenceContext =
        ["order", "commande", "invoice", "facture", "ref", "réf", "reference", "référence", "n°", "no.", "ticket", "dossier", "contract", "contrat", "account", "compte", "tracking", "colis", "siret", "siren"];

    /// <summary>
    /// Phone numbers: international (+33, +44, +49, +1, other +CC / 00CC) and national formats of the
    /// US ("(555) 123-4567", "555-123-4567"), the UK ("020 7946 0958", "07700 900123"), France
    /// ("06 12 34 56 78", "06.12.34.56.78") and Germany ("030 123456"). Dates, amounts and reference numbers
    /// do not fit these groupings and are not reported.
    /// </summary>
    public static IPiiRecognizer Phone() => new PhoneRecognizer();

    private sealed class PhoneRecognizer : IPiiRecognizer
    {
        public string Name => "phone";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            foreach (var m in PhoneCandidateRegex().EnumerateMatches(text))
            {
                var plan = PhoneNumberingPlans.Classify(text.AsSpan(m.Index, m.Length));
                if (plan == PhonePlan.None)
                    continue;
                if (Context.HasWordBefore(text, m.Index, ReferenceContext, 20))
                    continue;
                var score = plan == PhonePlan.International ? 0.85 : 0.7;
                if (Context.HasWordBefore(text, m.Index, PhoneContext, RegexRecognizer.ContextWindow))
                    score = Math.Min(1.0, score + 0.15);
                findings.Add(new PiiFinding(PiiTypes.Phone, m.Index, m.Length, score, Name));
            }
        }
    }
}
