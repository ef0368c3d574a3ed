using C = HybridAI.Scenarios.TicketTriage.Data.TicketCategories;

namespace HybridAI.Scenarios.TicketTriage.Data.KnowledgeBase;

internal static partial class KnowledgeBaseArticles
{
    private static readonly ArticleDraft[] AccountAccess =
    [
        new(C.AccountAccess, "en", "Resetting your Lumio password", """
To reset your password, tap **Forgot password?** on the sign-in screen of the app or the website and enter the email address of your account. We send a reset link that is valid for 60 minutes and can be used once. Requesting a new link cancels the previous one, so always use the most recent email.

If the email does not arrive within 10 minutes, check the spam and "Promotions" folders and search for a message from Lumio with the subject "Reset your password". Some company mail servers hold external emails for a while; try again later or use a personal address.

If the link says it has expired although you clicked it immediately, it was probably opened by an email security scanner before you. Request a new link and open it on the same device where you requested it, within a few minutes.

Your new password must have at least 10 characters and must not be one you used before. After a reset, you are signed out on every device and must sign in again, including on shared family phones.
"""),
        new(C.AccountAccess, "en", "Two-factor authentication - lost phone and recovery codes", """
Two-factor authentication (2FA) protects your cameras even if your password leaks. When you turned it on, you received ten single-use recovery codes. Each one can replace a 2FA code once; use one on the sign-in screen under **Use a recovery code**, then turn 2FA off and on again to link your new phone.

If codes from the authenticator app are always rejected, the clock of your phone is probably wrong. Set date and time to "automatic" in the phone's settings and try again: codes are only valid for 30 seconds.

If you lost your phone and do not have recovery codes, open a ticket from the email address of your account. For your security, we verify your identity before removing 2FA: you will be asked for the serial number printed under one of your Lumio devices and the date of your last order. Removing 2FA this way takes up to 2 business days; this delay is intentional, so that someone who stole your phone cannot take over the account quickly.

Never send a 2FA code or recovery code to anyone, including Lumio support. We will never ask for them.
"""),
        new(C.AccountAccess, "en", "Locked account after too many sign-in attempts", """
After 5 failed sign-in attempts in a row, the account is locked for 30 minutes. This protects you from people guessing your password. The lock is lifted automatically; contacting support does not make it faster.

During the lock, your devices keep working: cameras record, automations run and the doorbell rings. Only signing in is blocked.

If you are sure the password is right, check that you are signing in with the right email address (many households have several accounts) and that the keyboard is not adding a space at the end. Password managers sometimes fill in an old password after a reset.

If the app logs you out repeatedly after an update and says your credentials are invalid, update the app to the latest version, then sign out completely and sign in again. If the problem continues, send a diagnostic report from **Settings > Help > Send diagnostic report** and mention the report number in your ticket.
"""),
        new(C.AccountAccess, "en", "My account was hacked - what to do now", """
Signs that someone else is using your account include a password you did not change, an unknown email address on the account, unknown devices or homes in the app, or sign-ins from places you have not been. Act quickly; these tickets are handled as urgent by a person.

If you can still sign in: change your password immediately, then go to **Account > Security > Sign out all devices**. Check **Account > Security > Trusted devices** and remove anything you do not recognise, and turn on two-factor authentication.

If you can no longer sign in because the email address was changed, use the link in the security email we sent to your original address ("This wasn't me"). It freezes the account and restores your original email address for 72 hours so that you can secure it. If you did not receive that email, open a ticket from the original address.

While the account is frozen, cloud recording continues but nobody can watch live video or change settings. Once you have regained control, review shared access under **Home > Members**, because an attacker may have invited another account.
"""),
        new(C.AccountAccess, "en", "Changing the email address of your account", """
You can change the email address you sign in with under **Account > Profile > Email**. Enter the new address and your current password. We send a confirmation link to the new address and a notice to the old one; the change takes effect only once the link is clicked, within 24 hours.

If you are about to lose access to your old address (for example a work address when changing job), make the change before you leave. If the old address is already gone, open a ticket from the new address; we will verify your identity with a device serial number and your last order date before moving the account.

Changing the email address does not affect your devices, recordings, subscription or invoices. Invoices issued after the change are sent to the new address.
"""),
        new(C.AccountAccess, "fr", "Réinitialiser votre mot de passe Lumio", """
Pour réinitialiser votre mot de passe, touchez **Mot de passe oublié ?** sur l'écran de connexion et saisissez l'adresse e-mail de votre compte. Le lien envoyé est valable 60 minutes et ne sert qu'une fois ; une nouvelle demande annule le lien précédent.

Si l'e-mail n'arrive pas sous 10 minutes, vérifiez les dossiers spam et « Promotions ». Certains serveurs de messagerie d'entreprise retiennent les e-mails externes : réessayez plus tard ou utilisez une adresse personnelle.

Si le lien est indiqué comme expiré alors que vous l'avez ouvert tout de suite, il a probablement été ouvert avant vous par un antivirus de messagerie. Demandez un nouveau lien et ouvrez-le sur l'appareil où vous l'avez demandé.

Après 5 tentatives de connexion échouées, le compte est bloqué 30 minutes puis débloqué automatiquement. Vos appareils continuent de fonctionner pendant ce temps.
"""),
        new(C.AccountAccess, "fr", "Compte piraté : les bons réflexes", """
Un mot de passe que vous n'avez pas changé, une adresse e-mail inconnue sur le compte ou des appareils inconnus dans l'application sont des signes de piratage. Ces tickets sont traités en priorité urgente par un conseiller.

Si vous pouvez encore vous connecter, changez immédiatement votre mot de passe, puis utilisez **Compte > Sécurité > Déconnecter tous les appareils**. Supprimez les appareils de confiance que vous ne reconnaissez pas et activez la double authentification.

Si l'adresse e-mail du compte a été modifiée, utilisez le lien « Ce n'était pas moi » de l'e-mail de sécurité envoyé à votre ancienne adresse : il gèle le compte et rétablit votre adresse d'origine pendant 72 heures.

Vérifiez ensuite les accès partagés dans **Maison > Membres** : un pirate peut avoir invité un autre compte à voir vos caméras.
"""),
    ];

    private static readonly ArticleDraft[] Shipping =
    [
        new(C.ShippingDelivery, "en", "Delivery times and shipping options", """
Orders placed before 2 pm on a business day leave our warehouse the same day. Standard delivery takes 3 to 5 business days in France, Germany and the Benelux and 4 to 7 business days to the UK and the rest of the EU. Express delivery takes 1 to 2 business days and is guaranteed: if it arrives late, the express surcharge is refunded automatically.

We ship with Colissimo and Chronopost in France, DHL and DPD in Germany and the Benelux, and UPS for express and UK orders. The carrier is chosen automatically from the delivery address and the size of the parcel.

We currently ship to the EU and the UK only. For UK deliveries, prices include import VAT and duties, so the courier will not ask you for any extra payment. We do not ship to Switzerland, Norway or parcel lockers outside France.

If you need an order by a certain date, choose express and order before 2 pm two business days before; public holidays in the destination country do not count as business days.
"""),
        new(C.ShippingDelivery, "en", "My order has not arrived - tracking and lost parcels", """
You receive a tracking link by email when your order leaves the warehouse; it also appears under **Account > Orders**. Tracking usually becomes active within 24 hours of shipping, so "label created" on the first day is normal.

Parcels sometimes stop updating while they move between carrier depots. If the tracking has not changed for 5 business days, we open an investigation with the carrier. Carriers need up to 10 business days to conclude; when they confirm the parcel is lost, we send a replacement free of charge or refund the order, as you prefer.

If the tracking shows "delivered" but you have nothing, check with neighbours, the building's caretaker and any safe place you told the carrier about, and look for a delivery notice in your letterbox. Wait until the end of the next business day, as carriers sometimes scan parcels as delivered a little early. Then open a ticket within 14 days of the delivery date, including the order number; we ask the carrier for the GPS position and photo of the delivery.

For parcels reported as delivered but not received, we may ask you to sign a short statement before a replacement is sent. This is required by the carriers' insurance.
"""),
        new(C.ShippingDelivery, "en", "Damaged parcels and broken items on arrival", """
If the box is visibly damaged when the courier hands it over, you may refuse it; it is returned to us and we send a replacement as soon as it is scanned back.

If you discover the damage after delivery, report it within 48 hours so that we can claim from the carrier. Open a ticket with the order number and photos of the outer box, the inner packaging and the damaged product. Keep all packaging until the case is closed.

We send a replacement as soon as the photos are reviewed, usually the same business day, together with a prepaid label to return the damaged item. You do not have to wait for the damaged item to reach us.

If a product arrives intact but does not work, this is not a shipping problem: follow the troubleshooting steps for the device first, and if it is faulty, the 2-year warranty applies.
"""),
        new(C.ShippingDelivery, "en", "Changing the delivery address of an order", """
The delivery address can be changed free of charge until the order is handed to the carrier. Go to **Account > Orders**, select the order and choose **Change address**. If the button is not shown, the parcel has already been prepared for shipping.

Once the parcel has left our warehouse, only the carrier can redirect it. Use the link in the tracking email: Colissimo, DHL and UPS let you redirect to a parcel point or another address, sometimes for a fee charged by the carrier.

For security reasons, support agents cannot change the address of an order paid with a card that is not in the account holder's name, and we never change the address of an order after a request made only by phone.

If you are moving, also update your default address under **Account > Profile > Addresses** so that future orders and warranty replacements go to the right place.
"""),
        new(C.ShippingDelivery, "fr", "Commande non reçue : suivi et colis perdus", """
Vous recevez un lien de suivi par e-mail dès que la commande quitte l'entrepôt ; il figure aussi dans **Compte > Commandes**. Le suivi s'active en général sous 24 heures.

Si le suivi n'évolue plus pendant 5 jours ouvrés, nous ouvrons une enquête auprès du transporteur (Colissimo, Chronopost, DHL, DPD ou UPS). Celui-ci dispose de 10 jours ouvrés pour conclure ; si le colis est déclaré perdu, nous renvoyons la commande gratuitement ou la remboursons, selon votre choix.

Si le suivi indique « livré » mais que vous n'avez rien reçu, vérifiez auprès des voisins, du gardien et dans votre boîte aux lettres, puis attendez la fin du jour ouvré suivant. Ouvrez ensuite un ticket dans les 14 jours suivant la date de livraison avec le numéro de commande.

Le transporteur peut nous demander une attestation sur l'honneur de non-réception avant l'envoi d'un remplacement ; c'est une exigence de son assurance.
"""),
        new(C.ShippingDelivery, "fr", "Colis abîmé à la livraison", """
Si le carton est visiblement endommagé au moment de la livraison, vous pouvez le refuser : il nous est retourné et un remplacement part dès qu'il est scanné en retour.

Si vous constatez les dégâts après la livraison, signalez-les sous 48 heures. Ouvrez un ticket avec le numéro de commande et des photos du carton, de l'emballage intérieur et du produit. Conservez l'emballage jusqu'à la clôture du dossier.

Le remplacement est expédié dès l'examen des photos, en général le jour ouvré même, avec une étiquette prépayée pour renvoyer l'article abîmé. Inutile d'attendre que celui-ci nous parvienne.

Un produit intact qui ne fonctionne pas relève de la garantie de 2 ans et non de la livraison : suivez d'abord les étapes de dépannage de l'appareil.
"""),
    ];
}
