namespace HybridAI.Classifiers.Tests;

/// <summary>Hand-written English and French support tickets (with typos) in three categories.</summary>
internal static class TicketData
{
    public const string Billing = "billing";
    public const string Technical = "technical";
    public const string Delivery = "delivery";

    public static readonly string[] Labels = [Billing, Delivery, Technical];

    public static readonly (string Text, string Label)[] Training =
    [
        ("I was charged twice for my subscription, please refund me", Billing),
        ("Please refund the duplicate payment on my credit card", Billing),
        ("My invoice shows the wrong amount", Billing),
        ("Why was my card charged 49 euros this month?", Billing),
        ("I cancelled but you still billed me, I want my money back", Billing),
        ("Can I get a refund for the annual plan?", Billing),
        ("The invoice VAT number is wrong, please send a corrected invoice", Billing),
        ("I need a receipt for my last payment", Billing),
        ("Double charge on my bank statement, refund pls", Billing),
        ("Your pricing page says 10 dollars but I paid 15", Billing),
        ("Je veux être remboursé, j'ai payé deux fois", Billing),
        ("Ma carte bancaire a été débitée deux fois", Billing),
        ("La facture est fausse, le montant n'est pas le bon", Billing),
        ("Demande de remboursement pour mon abonnement annuel", Billing),
        ("J'ai été prélevé alors que j'ai résilié mon abonnement", Billing),
        ("Pouvez-vous m'envoyer une facture avec la TVA ?", Billing),
        ("Remboursement svp, paiement en double sur mon compte bancaire", Billing),
        ("Le prélèvement de ce mois est trop élevé", Billing),
        ("Je n'ai pas reçu mon avoir ni mon remboursement", Billing),
        ("Erreur de facturation sur ma dernière facture", Billing),

        ("The app crashes every time I try to log in", Technical),
        ("I forgot my password and the reset link does not work", Technical),
        ("Error 500 when I open the dashboard", Technical),
        ("The website is very slow and pages do not load", Technical),
        ("I cannot login, it says invalid credentials", Technical),
        ("The mobile app freezes after the last update", Technical),
        ("Two-factor authentication code never arrives by SMS", Technical),
        ("Sync between my phone and laptop is broken", Technical),
        ("Bug: the export button does nothing", Technical),
        ("The page shows a blank screen after I sign in", Technical),
        ("L'application plante au démarrage", Technical),
        ("Je n'arrive pas à me connecter à mon compte", Technical),
        ("Mot de passe oublié, le lien de réinitialisation ne marche pas", Technical),
        ("Le site affiche une erreur 500", Technical),
        ("L'appli est très lente depuis la mise à jour", Technical),
        ("Bug : le bouton exporter ne fonctionne pas", Technical),
        ("Écran blanc après la connexion", Technical),
        ("La synchronisation entre mon téléphone et mon ordinateur ne marche plus", Technical),
        ("Le code de vérification par SMS n'arrive jamais", Technical),
        ("Impossible de me connecter, identifiants invalides", Technical),

        ("My package has not arrived yet, where is it?", Delivery),
        ("The tracking number does not work on the courier website", Delivery),
        ("My parcel was delivered to the wrong address", Delivery),
        ("The box arrived damaged and the item is broken", Delivery),
        ("When will my order be shipped?", Delivery),
        ("Delivery is late by two weeks", Delivery),
        ("The courier left my parcel outside in the rain", Delivery),
        ("I received the wrong item in my package", Delivery),
        ("Can I change the delivery address of my order?", Delivery),
        ("Shipping to Belgium takes too long", Delivery),
        ("Mon colis n'est toujours pas arrivé", Delivery),
        ("Le numéro de suivi ne fonctionne pas", Delivery),
        ("Le livreur a déposé le colis à la mauvaise adresse", Delivery),
        ("Le carton est arrivé abîmé et l'article est cassé", Delivery),
        ("Quand ma commande sera-t-elle expédiée ?", Delivery),
        ("La livraison a deux semaines de retard", Delivery),
        ("J'ai reçu le mauvais article dans mon colis", Delivery),
        ("Puis-je changer l'adresse de livraison de ma commande ?", Delivery),
        ("Le transporteur n'est jamais passé", Delivery),
        ("Colis perdu, le suivi indique livré mais je n'ai rien reçu", Delivery),
    ];

    // Held out: new wordings, typos and missing accents; none of these appear in Training.
    public static readonly (string Text, string Label)[] HeldOut =
    [
        ("i was charjed two times, refund plz", Billing),
        ("wrong amount on the invoise", Billing),
        ("remboursement de mon abonement svp", Billing),
        ("ma facture est fausse, j'ai paye trop", Billing),
        ("carte debitee deux fois ce mois", Billing),
        ("I want my money back for the subscripton", Billing),
        ("prelevement en double sur mon compte", Billing),

        ("the app keeps crashing when i log in", Technical),
        ("password reset link is broken", Technical),
        ("je narrive pas a me conecter", Technical),
        ("l'application plante tout le temps", Technical),
        ("erreur 500 sur le site", Technical),
        ("blank screen after update, app freezes", Technical),
        ("mot de passe oublie, lien de reinitialisation casse", Technical),

        ("where is my pakage? not arrived", Delivery),
        ("tracking numbr not working", Delivery),
        ("mon colis n'est pas arive", Delivery),
        ("le livreur a laissé le colis devant la porte", Delivery),
        ("parcel delivered to wrong adress", Delivery),
        ("livraison en retard de deux semaines", Delivery),
        ("the box arrived damaged", Delivery),
    ];

    public static string[] LabelsOf((string Text, string Label)[] items)
    {
        var result = new string[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            result[i] = items[i].Label;
        }

        return result;
    }
}
