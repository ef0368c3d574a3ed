using HybridAI.Generators.Grounding;

namespace HybridAI.Generators.Tests.Grounding;

/// <summary>Small English and French knowledge-base passages shared by the tests.</summary>
internal static class KnowledgeBase
{
    public static readonly EvidencePassage Refunds = new(
        "kb-refund",
        "Refund policy",
        "Refunds are issued to the original payment method within 5 business days. " +
        "Refunds for gift cards are issued as store credit. Our offices are closed on public holidays.");

    public static readonly EvidencePassage Shipping = new(
        "kb-shipping",
        "Shipping FAQ",
        "Standard shipping takes 3 to 5 days. Express shipping costs 9.99 EUR, e.g. for urgent orders. " +
        "Tracking numbers are sent by email once the parcel leaves the warehouse.");

    public static readonly EvidencePassage Account = new(
        "kb-account",
        "Account help (EU)",
        "You can reset your password from the login page. Two-factor authentication can be enabled in the security settings.");

    public static readonly EvidencePassage RemboursementsFr = new(
        "kb-remb-fr",
        "Politique de remboursement",
        "Les remboursements sont effectués sur le moyen de paiement d'origine sous 5 jours ouvrés. " +
        "Les cartes cadeaux sont remboursées en avoir. M. Dupont gère les litiges de remboursement.");

    public static IReadOnlyList<EvidencePassage> English => [Refunds, Shipping, Account];

    public static IReadOnlyList<EvidencePassage> All => [Refunds, Shipping, Account, RemboursementsFr];
}
