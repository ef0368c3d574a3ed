using System.Buffers;
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

    private static readonly SearchValues<char> PhoneStarts = SearchValues.Create("+(0123456789");

    private sealed class PhoneRecognizer : IPiiRecognizer
    {
        public string Name => "phone";

        public void Recognize(string text, List<PiiFinding> findings)
        {
            var at = TokenScanner.Next(text, 0, PhoneStarts);
            while (at >= 0)
            {
                var length = TokenScanner.MatchAt(PhoneCandidateRegex(), text, at);
                var plan = length == 0 ? PhonePlan.None : PhoneNumberingPlans.Classify(text.AsSpan(at, length));
                // "le compte. Tél : 06…": a phone word right before the number outweighs a reference word further back.
                // Checked only for numbers that fit a plan: the context search costs more than the plan check.
                if (plan == PhonePlan.None || (Context.HasWordBefore(text, at, ReferenceContext, 20) && !Context.HasWordBefore(text, at, PhoneContext, 12)))
                {
                    // A candidate that is not a phone number is skipped whole: its tail is not a phone number either.
                    at = TokenScanner.Next(text, at + Math.Max(1, length), PhoneStarts);
                    continue;
                }
                var score = plan == PhonePlan.International ? 0.85 : 0.7;
                if (Context.HasWordBefore(text, at, PhoneContext, RegexRecognizer.ContextWindow))
                    score = Math.Min(1.0, score + 0.15);
                findings.Add(new PiiFinding(PiiTypes.Phone, at, length, score, Name));
                at = TokenScanner.Next(text, at + length, PhoneStarts);
            }
        }
    }
}
