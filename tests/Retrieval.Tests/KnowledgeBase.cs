using HybridAI.Abstractions.Retrieval;

namespace HybridAI.Retrieval.Tests;

/// <summary>Ten hand-written support articles, English and French, as a ticket-triage knowledge base would hold.</summary>
internal static class KnowledgeBase
{
    public static IReadOnlyList<SourceDocument> Articles { get; } =
    [
        Article("kb-refund-en", "en", "billing", "Refunds for double charges", """
            # Refunds for double charges
            If your card was charged twice for the same order, we refund the duplicate payment automatically within 5 business days.

            ## When the refund does not arrive
            Contact support with the order number. We can issue a manual refund to the original payment method.
            """),
        Article("kb-password-en", "en", "account", "Resetting your password", """
            # Resetting your password
            Click "Forgot password" on the sign-in page and follow the link we email you. The link expires after 30 minutes.

            If you no longer have access to your email address, ask an administrator to reset the account.
            """),
        Article("kb-shipping-en", "en", "delivery", "Shipping times", """
            # Shipping times
            Standard delivery takes 3 to 5 working days. Express delivery arrives the next day when ordered before noon.
            Tracking numbers are sent by SMS as soon as the parcel leaves the warehouse.
            """),
        Article("kb-invoice-en", "en", "billing", "Downloading invoices", """
            # Downloading invoices
            Invoices are available as PDF in the Billing section of your account. Company details such as the VAT number
            can be added before downloading.
            """),
        Article("kb-2fa-en", "en", "account", "Two-factor authentication", """
            # Two-factor authentication
            Enable two-factor authentication in Security settings. Use an authenticator app to scan the QR code.
            Lost your phone? Use one of your backup codes to sign in.
            """),
        Article("kb-remboursement-fr", "fr", "billing", "Remboursement d'un double prélèvement", """
            # Remboursement d'un double prélèvement
            Si votre carte a été débitée deux fois pour la même commande, le paiement en double est remboursé
            automatiquement sous 5 jours ouvrés.

            ## Le remboursement n'arrive pas
            Contactez le support avec le numéro de commande : nous pouvons effectuer un remboursement manuel.
            """),
        Article("kb-motdepasse-fr", "fr", "account", "Réinitialiser votre mot de passe", """
            # Réinitialiser votre mot de passe
            Cliquez sur « Mot de passe oublié » sur la page de connexion puis suivez le lien reçu par courriel.
            Le lien expire au bout de 30 minutes.
            """),
        Article("kb-livraison-fr", "fr", "delivery", "Délais de livraison", """
            # Délais de livraison
            La livraison standard prend de 3 à 5 jours ouvrés. La livraison express arrive le lendemain pour toute commande
            passée avant midi. Le numéro de suivi est envoyé par SMS dès l'expédition du colis.
            """),
        Article("kb-facture-fr", "fr", "billing", "Télécharger une facture", """
            # Télécharger une facture
            Les factures sont disponibles au format PDF dans la rubrique Facturation de votre espace client.
            Vous pouvez ajouter le numéro de TVA de votre société avant le téléchargement.
            """),
        Article("kb-resiliation-fr", "fr", "account", "Résilier son abonnement", """
            # Résilier son abonnement
            La résiliation se fait depuis la page Abonnement. Elle prend effet à la fin de la période en cours et aucun
            frais n'est prélevé ensuite.
            """),
    ];

    private static SourceDocument Article(string id, string lang, string category, string title, string text) =>
        new(id, text, title) { Metadata = new Dictionary<string, string> { ["lang"] = lang, ["category"] = category } };
}
