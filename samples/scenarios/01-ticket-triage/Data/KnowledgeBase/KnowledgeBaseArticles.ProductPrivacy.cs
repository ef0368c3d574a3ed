using C = HybridAI.Scenarios.TicketTriage.Data.TicketCategories;

namespace HybridAI.Scenarios.TicketTriage.Data.KnowledgeBase;

internal static partial class KnowledgeBaseArticles
{
    private static readonly ArticleDraft[] ProductQuestion =
    [
        new(C.ProductQuestion, "en", "Works with Alexa, Google Home and Apple Home", """
All current Lumio devices work with Amazon Alexa and Google Home. Link them once in the Alexa or Google Home app by adding the "Lumio" skill or service and signing in with your Lumio account; all devices in your Lumio home then appear automatically.

Apple Home support requires the Lumio Hub 2, which bridges Lumio devices to Apple Home through Matter. Add the hub in the Apple Home app by scanning the Matter code printed under the hub. Cameras appear in Apple Home with live view; recording to iCloud is not supported.

Voice assistants can switch plugs and lights, set the thermostat, and show camera live view on screens such as Echo Show or Nest Hub. For security reasons, they cannot disarm an alarm or unlock anything without a spoken PIN.

Devices that connect directly over Wi-Fi (cameras, doorbell) do not need the hub for Alexa or Google Home. Sensors and the Light Strip always need the Lumio Hub 2.
"""),
        new(C.ProductQuestion, "en", "Lumio Cam Outdoor - weather resistance and installation", """
The Lumio Cam Outdoor is rated IP65: it is dust-tight and protected against jets of water, so heavy rain and snow are not a problem. It is not designed to be submerged.

It works between -20 °C and 50 °C. In very cold weather the battery version charges more slowly and lasts about 30% less; the wired version is not affected. Avoid mounting it where it faces the sun directly for most of the day, as glare reduces image quality.

Mount the camera 2 to 3 metres high, tilted slightly down, and within good Wi-Fi range: check the signal in the app (**Device settings > Network**) before drilling. A signal of at least two bars is needed for smooth live view.

The camera comes with a wall mount, screws and plugs for masonry. For mounting under a roof overhang, use the optional ceiling mount.
"""),
        new(C.ProductQuestion, "en", "Battery life of the Lumio Doorbell and battery cameras", """
The Lumio Doorbell battery lasts 4 to 6 months with about 20 rings or motion events per day. Live view, long recordings and cold weather shorten battery life. The app shows the remaining charge and warns you at 15%.

The battery is built in and recharges over USB-C in about 5 hours. It is not user-replaceable, but it is designed to keep at least 80% of its capacity for 500 charges; a battery that wears out earlier is covered by the warranty.

The doorbell can also be wired to an existing doorbell transformer (8 to 24 V AC). When wired, it trickle-charges the battery and can ring your existing chime.

To extend battery life, reduce the motion detection zone to the path to your door, and set the recording length to 15 seconds under **Device settings > Recording**.
"""),
        new(C.ProductQuestion, "en", "Lumio Plus or Lumio Pro - which plan do you need?", """
Without a plan, Lumio devices offer live view, local automations and motion notifications with a snapshot. Plans add cloud recording and extra features.

**Lumio Plus** costs €4.99 per month per home. It records motion events from up to 5 cameras and keeps them for 30 days, with person and parcel detection.

**Lumio Pro** costs €9.99 per month per home. It records from unlimited cameras and keeps recordings for 60 days, adds 24/7 continuous recording on wired cameras, and includes the outage credit described on the status page.

Both plans let you download clips as MP4 files from the app or the web account, and both can be paid monthly, quarterly or yearly (yearly saves two months). You can change plan at any time; the price difference is calculated to the day.
"""),
        new(C.ProductQuestion, "en", "Warranty: what is covered and how to claim", """
All Lumio devices have a 2-year warranty from the date of delivery, in every country where we sell. Products bought as refurbished have a 1-year warranty. The warranty covers manufacturing defects and batteries that lose more than 20% of their capacity within the period; it does not cover damage from falls, water beyond the device's rating, or opening the device.

To claim, go to **Account > Orders**, choose the device and select **Warranty claim**, or open a ticket with the device serial number (on the label under the device or in **Device settings > About**). If the product was not bought from us, attach the receipt.

For most devices we send the replacement first and include a prepaid label for the faulty unit, which you return within 14 days. The replacement has the remaining warranty of the original, or 6 months, whichever is longer.

Before a claim, try a factory reset: hold the reset button for 10 seconds until the LED blinks white, then set the device up again. Many reported faults disappear after a reset.
"""),
        new(C.ProductQuestion, "fr", "Compatibilité avec Alexa, Google Home et Apple Maison", """
Tous les appareils Lumio actuels fonctionnent avec Amazon Alexa et Google Home. Ajoutez une fois le service « Lumio » dans l'application Alexa ou Google Home et connectez-vous avec votre compte Lumio : tous vos appareils apparaissent automatiquement.

La compatibilité Apple Maison nécessite le Lumio Hub 2, qui relie vos appareils Lumio à l'app Maison via Matter. Ajoutez le hub en scannant le code Matter imprimé dessous.

Les caméras et la sonnette se connectent directement en Wi-Fi et n'ont pas besoin du hub pour Alexa ou Google Home. Les capteurs et le Light Strip nécessitent toujours le Lumio Hub 2.

Pour des raisons de sécurité, un assistant vocal ne peut rien déverrouiller sans code PIN prononcé.
"""),
        new(C.ProductQuestion, "fr", "Garantie des appareils Lumio", """
Tous les appareils Lumio bénéficient d'une garantie de 2 ans à compter de la livraison (1 an pour les produits reconditionnés). Elle couvre les défauts de fabrication et les batteries qui perdent plus de 20 % de leur capacité pendant cette période, mais pas les chutes, l'eau au-delà de l'indice de protection ni l'ouverture de l'appareil.

Pour faire une demande, ouvrez **Compte > Commandes**, choisissez l'appareil puis **Demande de garantie**, ou ouvrez un ticket avec le numéro de série (sous l'appareil ou dans **Réglages de l'appareil > À propos**).

Dans la plupart des cas, nous envoyons d'abord le remplacement avec une étiquette prépayée pour renvoyer l'appareil défectueux sous 14 jours.

Avant toute demande, essayez une réinitialisation : maintenez le bouton 10 secondes jusqu'à ce que le voyant clignote en blanc, puis réinstallez l'appareil.
"""),
    ];

    private static readonly ArticleDraft[] Privacy =
    [
        new(C.PrivacyGdpr, "en", "Getting a copy of your data (GDPR access request)", """
You have the right to receive a copy of the personal data we hold about you (Article 15 GDPR). The fastest way is **Account > Privacy > Download my data**. We prepare an archive with your profile, homes and devices, order and invoice history, sign-in history, support tickets and, if you choose, your cloud recordings.

The archive is usually ready within 72 hours; you receive an email with a download link that stays valid for 7 days. For security, the download requires you to sign in again. Archives with recordings can be large; the email states the size.

You can also make the request by ticket or by post. We answer within one month, as the law requires, and may ask you to confirm your identity from the email address of the account. We do not charge for the first request in a year.

The archive includes a description of why we process each kind of data, how long we keep it and which processors receive it (for example the payment provider and the cloud hosting provider in the EU).
"""),
        new(C.PrivacyGdpr, "en", "Deleting your data (right to erasure)", """
You can ask us to erase your personal data (Article 17 GDPR). Closing your account under **Account > Privacy > Close account** starts the erasure: your profile, homes, devices, automations and recordings are deleted within 30 days, and backups are overwritten within a further 35 days.

Some data must be kept for legal reasons even after erasure: invoices for 10 years (tax law) and records of payment disputes until they are closed. We tell you exactly what was kept in the confirmation email.

If you only want recordings deleted, you do not need to close the account. Delete clips one by one or all at once under **Recordings > Select all > Delete**; deleted recordings cannot be recovered.

If you cannot sign in any more, make the request by ticket from the account's email address. We confirm identity before erasing anything, because deletion cannot be undone.
"""),
        new(C.PrivacyGdpr, "en", "Who can see your camera recordings", """
Recordings are encrypted in transit and at rest, and stored in data centres in Frankfurt and Paris. They are never stored outside the European Union.

Lumio employees cannot browse your recordings. A support agent can see a clip only if you share it explicitly from the app (**Share with support**), and access ends automatically after 14 days. Every access is logged and shown under **Account > Privacy > Access log**.

People you invite to your home under **Home > Members** can see live view and recordings according to the role you give them. Remove members you no longer trust; their access ends immediately.

We do not use your recordings to train models or for advertising. Person and parcel detection runs on the camera itself or on our servers in the EU, and the detection results are deleted together with the recording.
"""),
        new(C.PrivacyGdpr, "en", "Suspected data leak or unauthorised access to recordings", """
If you think your recordings or personal data have been seen by someone who should not have them, tell us immediately. These reports are always urgent and handled by our security and privacy team, not by automated replies.

First check **Account > Privacy > Access log** and **Home > Members**: most leaks come from a shared account or a former member who still has access. Change your password and sign out all devices.

If you received a suspicious email mentioning your order or address, do not click links in it. Our emails never ask you to sign in through a link to confirm a payment. Forward the email as an attachment in your ticket so that we can investigate.

If we find a personal data breach that concerns you, we inform the supervisory authority within 72 hours and tell you directly, with what happened and what we have done. You can also contact your data protection authority (in France the CNIL) at any time.
"""),
        new(C.PrivacyGdpr, "en", "Marketing emails, calls and withdrawing consent", """
We send marketing only with your consent. You can withdraw it at any time under **Account > Privacy > Communication preferences**, or with the unsubscribe link at the bottom of every marketing email. Withdrawal takes effect immediately in our systems; emails already scheduled may arrive for up to 48 hours.

Service messages (security alerts, invoices, order and delivery updates) are not marketing and cannot be switched off, because they are needed to provide the service.

We do not sell or rent personal data. Partners receive data only when you ask for it, for example when you link Alexa or Google Home. If you receive offers from a third party mentioning your Lumio products, tell us: this would be a serious breach and we investigate every report.

If marketing calls or emails continue more than 48 hours after withdrawing consent, open a ticket with the date of withdrawal; it is escalated to the privacy team.
"""),
        new(C.PrivacyGdpr, "fr", "Obtenir une copie de vos données (droit d'accès RGPD)", """
Vous avez le droit d'obtenir une copie des données personnelles que nous détenons sur vous (article 15 du RGPD). Le plus rapide est d'utiliser **Compte > Confidentialité > Télécharger mes données**.

L'archive est en général prête sous 72 heures ; vous recevez un e-mail avec un lien de téléchargement valable 7 jours. Une nouvelle connexion est demandée avant le téléchargement.

Vous pouvez aussi faire la demande par ticket ou par courrier : nous répondons dans un délai d'un mois, comme le prévoit la loi, après vérification de votre identité depuis l'adresse e-mail du compte. La première demande de l'année est gratuite.

L'archive décrit pour chaque type de données la finalité du traitement, la durée de conservation et les sous-traitants concernés.
"""),
        new(C.PrivacyGdpr, "fr", "Supprimer vos données (droit à l'effacement)", """
Vous pouvez demander l'effacement de vos données (article 17 du RGPD). La fermeture du compte via **Compte > Confidentialité > Fermer le compte** supprime votre profil, vos maisons, appareils et enregistrements sous 30 jours ; les sauvegardes sont écrasées dans les 35 jours suivants.

Certaines données doivent être conservées pour des raisons légales : les factures pendant 10 ans et les litiges de paiement jusqu'à leur clôture. L'e-mail de confirmation précise ce qui a été conservé.

Pour supprimer seulement les vidéos, inutile de fermer le compte : utilisez **Enregistrements > Tout sélectionner > Supprimer**.

Si vous soupçonnez une fuite de données, signalez-la immédiatement : ces demandes sont traitées en urgence par notre équipe sécurité. Vous pouvez également saisir la CNIL à tout moment.
"""),
    ];
}
