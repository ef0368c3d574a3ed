using C = HybridAI.Scenarios.TicketTriage.Data.TicketCategories;

namespace HybridAI.Scenarios.TicketTriage.Data.KnowledgeBase;

internal static partial class KnowledgeBaseArticles
{
    private static readonly ArticleDraft[] Billing =
    [
        new(C.Billing, "en", "How to find and read your Lumio invoices", """
Every payment to Lumio produces an invoice. Subscription invoices (Lumio Plus and Lumio Pro) are issued on the day the plan renews; hardware invoices are issued when the order ships, not when it is placed. Invoice numbers have the form INV-2026-000000 and order numbers the form CMD-00000.

To download an invoice, open the Lumio app or the web account, go to **Account > Billing > Invoices** and select the invoice. Every invoice can be downloaded as a PDF. Invoices older than 24 months are archived: they are still available, but you have to choose "Show archived invoices" at the bottom of the list.

Business customers can add a company name, billing address and VAT number under **Account > Billing > Company details**. The details apply to invoices issued after the change. To have an invoice already issued re-issued with company details, reply to your support ticket with the invoice number; re-issued invoices keep the same number with the suffix "-R".

If you prefer one invoice per quarter, switch the subscription to quarterly billing under **Account > Subscription > Billing period**. The change takes effect at the next renewal and the quarterly price is exactly three monthly payments.
"""),
        new(C.Billing, "en", "Charged twice? Duplicate payments and pending authorisations", """
Most "double charges" are not two payments. When you pay by card, your bank first places an authorisation (a temporary hold) on the amount and then the actual payment is captured. For a few days both can show on your statement. The hold disappears by itself, usually within 3 to 5 business days, depending on your bank.

To tell the two apart, look at the status in your banking app. A line marked "pending" or "in progress" is an authorisation. Two lines both marked as booked, with the same amount and date, are a real duplicate.

If you see a real duplicate, do not ask your bank for a chargeback first: it freezes the account while the bank investigates, which can take up to 8 weeks. Instead, open a ticket with the invoice number and the date of both payments. An agent checks the payment provider records and refunds the duplicate to the same card, normally within 5 business days.

A duplicate can also come from two active subscriptions, for example when a plan was bought in the app store and again on the website. Check **Account > Subscription**: if two subscriptions are listed, cancel the one you do not need and ask support to refund its last period.
"""),
        new(C.Billing, "en", "Failed subscription payments and account suspension", """
When a Lumio Plus or Pro renewal payment fails, we do not stop the service straight away. The payment is retried automatically three times over 7 days (after 1, 3 and 7 days), and you receive an email after each failed attempt.

Common reasons for a failed payment are an expired card, a card blocked for online payments, a daily spending limit, or a bank asking for 3-D Secure confirmation that was not completed. Update or confirm the card under **Account > Billing > Payment method** and choose **Retry payment now**; this settles the open invoice immediately.

If all retries fail, the subscription is suspended: live view and local automations keep working, but cloud recording, history and notifications stop. Recordings made before the suspension are kept for 30 days. As soon as the open invoice is paid, the plan is reactivated within a few minutes, with no need to set anything up again.

If the payment fails although your bank confirms the card is fine, tell support the date and the exact error message shown in the app. Never send the full card number in a ticket: the last four digits are enough for us to find the payment.
"""),
        new(C.Billing, "en", "Unrecognised charges and suspected card fraud", """
If you see a Lumio charge you do not recognise, first check whether someone in your household has a Lumio account, or whether the charge is a renewal of a plan you forgot about. Lumio charges appear on statements as "LUMIO SMART HOME".

If you believe your card has been used without your permission, contact your bank first and ask them to block the card: this protects you from further charges everywhere, not only at Lumio. Then open a ticket marked as fraud. These tickets are handled with urgent priority by a person, not automatically.

In the ticket, give the date and amount of each charge and the last four digits of the card; do not write the full card number. We will cancel any order that has not shipped yet, block the account that made the purchase, and refund charges that we can confirm as fraudulent. If an order has already shipped, we ask the carrier to return it.

Your bank may also open a chargeback. That is fine: tell us the chargeback reference so that we do not refund the same payment twice.
"""),
        new(C.Billing, "fr", "Comprendre un double prélèvement", """
Un « double prélèvement » est le plus souvent une autorisation bancaire temporaire. Lors d'un paiement par carte, la banque bloque d'abord le montant puis enregistre le paiement définitif. Pendant quelques jours, les deux lignes peuvent apparaître sur le relevé ; l'autorisation disparaît d'elle-même sous 3 à 5 jours ouvrés.

Pour faire la différence, regardez le statut dans votre application bancaire : une ligne « en cours » est une autorisation. Deux lignes comptabilisées, de même montant et à la même date, sont un vrai doublon.

En cas de vrai doublon, ouvrez un ticket en indiquant le numéro de facture et la date des deux paiements, sans jamais écrire le numéro complet de la carte (les quatre derniers chiffres suffisent). Le remboursement du doublon est effectué sur la même carte, en général sous 5 jours ouvrés.

Un doublon peut aussi venir de deux abonnements actifs, par exemple l'un souscrit dans l'App Store et l'autre sur le site. Vérifiez **Compte > Abonnement** et résiliez celui dont vous n'avez pas besoin.
"""),
        new(C.Billing, "fr", "Changer de moyen de paiement ou passer au prélèvement SEPA", """
Vous pouvez changer de moyen de paiement à tout moment dans **Compte > Facturation > Moyen de paiement**. Lumio accepte les cartes Visa et Mastercard, PayPal et, pour les clients de la zone euro, le prélèvement SEPA.

Pour passer au prélèvement SEPA, choisissez « Prélèvement SEPA », saisissez vous-même votre IBAN dans le formulaire sécurisé et acceptez le mandat. N'envoyez pas votre IBAN par ticket ou par e-mail : le formulaire le transmet directement à notre prestataire de paiement.

Le nouveau moyen de paiement s'applique à la prochaine échéance. Si une facture est déjà en retard, utilisez **Réessayer le paiement** après le changement pour la régler immédiatement.

Lorsque votre carte arrive à expiration, l'application vous prévient 30 jours avant. Ajoutez la nouvelle carte avant la date de renouvellement pour éviter un échec de paiement et la suspension de l'enregistrement dans le cloud.
"""),
    ];

    private static readonly ArticleDraft[] Refund =
    [
        new(C.Refund, "en", "Returns and refunds - the 30-day policy", """
You can return any Lumio product bought directly from us within 30 days of delivery, for any reason. The product must be complete and undamaged; opened boxes are fine. Products bought from a retailer are returned to that retailer under its own policy.

To start a return, go to **Account > Orders**, choose the order and select **Return items**. You get a prepaid return label by email; drop the parcel at any post office or parcel point within 14 days. Keep the drop-off receipt until the refund arrives.

Once the warehouse has received and checked the return (usually 2 business days after delivery to us), the refund is issued to the original payment method. Card refunds take 5 to 10 business days to appear, depending on your bank; PayPal refunds usually appear within 24 hours.

Original shipping costs are refunded only if the product was faulty or we sent the wrong item. If you return part of an order, only the returned items are refunded.
"""),
        new(C.Refund, "en", "Where is my refund? Checking refund status", """
The status of every refund is shown under **Account > Orders > Returns**. "Label created" means we are waiting for the parcel; "Received" means it has reached the warehouse; "Refunded" means the money has left our account, with the date it was sent.

Once the status says "Refunded", the money is with your bank. Card refunds can take up to 10 business days to show; some banks list them as a credit with a different description than the original payment. If it has been more than 10 business days, ask your bank about a credit from "LUMIO SMART HOME" on that date.

If the card used for the purchase has expired or been closed, the bank normally passes the refund on to the new card or account. If it is rejected, we are notified and an agent contacts you to arrange a bank transfer. You will be asked to enter your bank details in a secure form; please do not send them in a ticket.

If the tracking shows the return was delivered to us more than 5 business days ago and the status is still "Label created", open a ticket with the order number and the return tracking number.
"""),
        new(C.Refund, "en", "Compensation for late deliveries", """
Delivery dates shown at checkout are estimates given by the carrier. If an order arrives late, you can still return it within 30 days of the actual delivery date for a full refund.

If an order with express shipping arrives after the guaranteed date, we refund the express surcharge automatically within 7 days of delivery. You do not need to ask for it; it appears as a separate refund line under the order.

For standard deliveries that arrive more than 5 business days after the estimate, support can offer a goodwill voucher of 10% of the order value, valid for 12 months. Vouchers are not paid out in cash and cannot be combined with other promotions.

If a delivery is so late that you no longer want the product, refuse the parcel or return it with the prepaid label; the full price including shipping is then refunded.
"""),
        new(C.Refund, "en", "Formal complaints and legal notices about refunds", """
If you are unhappy with how a refund has been handled, you can ask for your case to be escalated. Reply to your ticket with the word "complaint" or use **Help > Make a complaint**. Complaints are reviewed by a team lead, not by the agent who handled the case, and you receive a written answer within 8 business days.

Messages that mention legal action, a lawyer, a formal notice or a consumer protection body are always routed to a person with urgent priority. They are not answered by automated replies. The agent first checks whether the refund is actually owed and, if so, issues it the same day.

Customers in the European Union can also use a consumer mediation service free of charge, after a written complaint to us has not been resolved within two months. Details of the mediator are given in our terms of sale.

To speed up any escalation, include the order number, the return tracking number and the dates of previous contacts. Do not include bank or card details: if a transfer is needed, we send a secure form.
"""),
        new(C.Refund, "fr", "Retours et remboursements : la règle des 30 jours", """
Vous pouvez retourner tout produit Lumio acheté chez nous dans les 30 jours suivant la livraison, sans avoir à vous justifier. Le produit doit être complet et en bon état ; un emballage ouvert est accepté.

Pour lancer un retour, ouvrez **Compte > Commandes**, choisissez la commande puis **Retourner des articles**. Vous recevez par e-mail une étiquette prépayée ; déposez le colis en bureau de poste ou en point relais sous 14 jours et conservez le justificatif de dépôt.

Après réception et contrôle du retour à l'entrepôt (en général 2 jours ouvrés), le remboursement est émis sur le moyen de paiement d'origine. Sur une carte bancaire, il apparaît sous 5 à 10 jours ouvrés selon votre banque.

Les frais de livraison initiaux ne sont remboursés que si le produit était défectueux ou si nous avons envoyé le mauvais article.
"""),
        new(C.Refund, "fr", "Suivre l'état de votre remboursement", """
L'état de chaque remboursement est visible dans **Compte > Commandes > Retours**. « Étiquette créée » signifie que nous attendons le colis, « Reçu » qu'il est arrivé à l'entrepôt, et « Remboursé » que l'argent a été envoyé, avec la date d'envoi.

Une fois le statut « Remboursé » affiché, comptez jusqu'à 10 jours ouvrés pour voir le crédit sur votre compte. Au-delà, demandez à votre banque s'il existe un crédit « LUMIO SMART HOME » à cette date.

Si la carte utilisée a expiré, la banque reporte normalement le remboursement sur la nouvelle carte. En cas de rejet, un conseiller vous contacte et vous envoie un formulaire sécurisé pour saisir vos coordonnées bancaires ; ne les envoyez jamais dans un ticket.

Si le suivi indique que le retour nous a été livré depuis plus de 5 jours ouvrés et que le statut n'a pas changé, ouvrez un ticket avec le numéro de commande et le numéro de suivi du retour.
"""),
    ];
}
