using C = HybridAI.Scenarios.TicketTriage.Data.TicketCategories;

namespace HybridAI.Scenarios.TicketTriage.Data.Generation;

/// <summary>The parts of a ticket that are not about its category: greetings, sign-offs, asides, contact details.</summary>
internal static class SharedPhrases
{
    public static readonly string[] GreetingsEn = ["Hello,", "Dear support team,", "Good morning,", "Hi there,", "Dear Lumio team,", "Hello Lumio support,"];
    public static readonly string[] GreetingsFr = ["Bonjour,", "Madame, Monsieur,", "Bonsoir,", "Bonjour au service client,", "Bonjour à l'équipe Lumio,"];
    public static readonly string[] InformalGreetingsEn = ["hi", "hey", "hello", "hi guys", "yo"];
    public static readonly string[] InformalGreetingsFr = ["salut", "bjr", "coucou", "bonjour", "hello"];

    public static readonly string[] ClosingsEn = ["Thanks in advance,", "Kind regards,", "Best,", "Thank you,", "Regards,", "Many thanks,"];
    public static readonly string[] ClosingsFr = ["Cordialement,", "Merci d'avance,", "Bien à vous,", "Bonne journée,", "Merci,"];
    public static readonly string[] InformalClosingsEn = ["thx", "cheers", "thanks!!", "ty", "pls sort it"];
    public static readonly string[] InformalClosingsFr = ["merci", "a+", "merci bcp", "thx", "bonne journée"];

    public static readonly string[] ExtrasEn =
    [
        "I have attached a screenshot.", "I already tried restarting everything.", "This is the second time I'm writing about this.",
        "I've been a customer for four years.", "I tried the chat first but nobody answered.", "My customer account is under the same email.",
    ];
    public static readonly string[] ExtrasFr =
    [
        "Je joins une capture d'écran.", "J'ai déjà tout redémarré.", "C'est la deuxième fois que j'écris à ce sujet.",
        "Je suis client depuis quatre ans.", "J'ai essayé le chat mais personne n'a répondu.",
    ];

    public static readonly string[] UrgencyEn = ["Please get back to me today.", "I need this sorted before the weekend.", "URGENT please!!", "Please treat this as a priority."];
    public static readonly string[] UrgencyFr = ["Merci de me répondre rapidement.", "C'est vraiment pressant.", "URGENT svp !!", "Merci de traiter cela en priorité."];

    /// <summary>Code-switching: the other language slipping into a ticket.</summary>
    public static readonly string[] FrenchInEnglish = ["Merci d'avance !", "Désolé pour mon anglais.", "c'est vraiment pénible.", "Bref, je ne sais plus quoi faire.", "(je suis français, sorry)"];
    public static readonly string[] EnglishInFrench = ["btw l'appli est en anglais chez moi.", "ASAP svp.", "L'appli affiche « connection failed ».", "Sorry, je mélange les langues.", "thanks a lot!"];

    public static readonly string[] ContactEn = ["You can call me on {phone}.", "Best number to reach me: {phone}.", "Please reply to {email}, not the address I'm writing from.", "Phone: {phone}"];
    public static readonly string[] ContactFr = ["Vous pouvez me joindre au {phone}.", "Mon numéro : {phone}.", "Répondez-moi plutôt à {email}.", "Tél : {phone}"];

    public static readonly string[] ThirdPartyEn = ["My partner {person} set up the account originally.", "The order was placed by my colleague {person}.", "{person} from your team told me to write in."];
    public static readonly string[] ThirdPartyFr = ["C'est mon conjoint, {person}, qui a créé le compte.", "La commande a été passée par ma collègue {person}.", "{person}, de votre service, m'a dit de vous écrire."];

    /// <summary>Card or bank details customers volunteer although they should not.</summary>
    public static string[] PaymentDetails(string language) => language == "en"
        ? ["I paid with the card {card}.", "The card used was {card}.", "If it's easier, refund to my account {iban}.", "Card: {card}"]
        : ["J'ai payé avec la carte {card}.", "La carte utilisée est la {card}.", "Si c'est plus simple, remboursez sur mon compte {iban}.", "Carte : {card}"];

    /// <summary>A second topic a customer slips in, which makes the ticket touch another category.</summary>
    public static string[] Aside(string category, string language) => (category, language) switch
    {
        (C.Billing, "en") => ["Also, I think I was charged twice last month.", "And why is my invoice higher than usual?"],
        (C.Billing, _) => ["Au passage, j'ai l'impression d'avoir été prélevé deux fois le mois dernier.", "Et pourquoi ma facture est-elle plus élevée que d'habitude ?"],
        (C.Refund, "en") => ["If this can't be fixed I want my money back.", "Otherwise I'd like a refund."],
        (C.Refund, _) => ["Si ce n'est pas réglable, je veux être remboursé.", "Sinon je demande le remboursement."],
        (C.AccountAccess, "en") => ["On top of that I can't log in on my laptop anymore.", "And the password reset email never arrives."],
        (C.AccountAccess, _) => ["En plus je n'arrive plus à me connecter sur mon ordinateur.", "Et je ne reçois pas le mail de réinitialisation."],
        (C.ShippingDelivery, "en") => ["Also, the replacement you sent has not arrived.", "And where is my second parcel?"],
        (C.ShippingDelivery, _) => ["Par ailleurs, le remplacement n'est toujours pas arrivé.", "Et où est mon deuxième colis ?"],
        (C.TechnicalBug, "en") => ["The app also crashes every time I open it.", "Plus the camera keeps going offline."],
        (C.TechnicalBug, _) => ["L'appli plante aussi à chaque ouverture.", "Et la caméra se déconnecte sans arrêt."],
        (C.Cancellation, "en") => ["Honestly I'm thinking about cancelling altogether.", "Maybe I should just cancel the subscription."],
        (C.Cancellation, _) => ["Honnêtement, je pense résilier.", "Je vais peut-être arrêter l'abonnement."],
        (C.ProductQuestion, "en") => ["By the way, does the doorbell work with Alexa?", "Also, is the outdoor camera waterproof?"],
        (C.ProductQuestion, _) => ["Au fait, la sonnette marche-t-elle avec Alexa ?", "Et la caméra extérieure est-elle étanche ?"],
        (C.PrivacyGdpr, "en") => ["And I'd like to know what data you keep about me.", "Please also delete my old recordings."],
        _ => ["Et j'aimerais savoir quelles données vous gardez sur moi.", "Merci aussi de supprimer mes anciens enregistrements."],
    };

    /// <summary>The category a tired agent would plausibly have picked instead, used to flip labels.</summary>
    public static string PlausibleWrongCategory(string category) => category switch
    {
        C.Billing => C.Refund,
        C.Refund => C.Billing,
        C.AccountAccess => C.TechnicalBug,
        C.ShippingDelivery => C.Refund,
        C.TechnicalBug => C.ProductQuestion,
        C.Cancellation => C.Billing,
        C.ProductQuestion => C.TechnicalBug,
        _ => C.AccountAccess,
    };

    /// <summary>The category whose aside most naturally joins a ticket of this category.</summary>
    public static IReadOnlyList<string> NeighbourCategories(string category) => category switch
    {
        C.Billing => [C.Refund, C.Cancellation, C.AccountAccess],
        C.Refund => [C.Billing, C.ShippingDelivery, C.Cancellation],
        C.AccountAccess => [C.TechnicalBug, C.PrivacyGdpr, C.Billing],
        C.ShippingDelivery => [C.Refund, C.Cancellation, C.ProductQuestion],
        C.TechnicalBug => [C.Refund, C.ProductQuestion, C.AccountAccess],
        C.Cancellation => [C.Billing, C.Refund, C.PrivacyGdpr],
        C.ProductQuestion => [C.TechnicalBug, C.ShippingDelivery, C.Billing],
        _ => [C.AccountAccess, C.Cancellation, C.Billing],
    };
}
