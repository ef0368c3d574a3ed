using C = HybridAI.Scenarios.TicketTriage.Data.TicketCategories;

namespace HybridAI.Scenarios.TicketTriage.Data.KnowledgeBase;

internal static partial class KnowledgeBaseArticles
{
    private static readonly ArticleDraft[] TechnicalBug =
    [
        new(C.TechnicalBug, "en", "The Lumio app crashes or freezes", """
Most crashes are fixed by the latest app version. Open the App Store or Google Play, search for Lumio and install any pending update. The app needs iOS 16 or Android 11 or later.

If the app still crashes when you open live view, clear its cache: on Android go to **Settings > Apps > Lumio > Storage > Clear cache**; on iPhone, delete and reinstall the app (your devices and settings are stored in your account and come back after you sign in). Then restart the phone.

If only one device makes the app crash, remove that device's widget from the dashboard and open the device from **Devices** instead; a damaged thumbnail can crash the dashboard on older phones.

If none of this helps, send a diagnostic report from **Settings > Help > Send diagnostic report** right after a crash and quote the report number in your ticket, with your phone model and operating system version. Reports contain technical logs only, no video.
"""),
        new(C.TechnicalBug, "en", "Device offline and error codes E-1042, E-2001, E-3107, E-4410", """
Lumio devices show an error code when something prevents them from working normally. The most common ones are:

- **E-1042, cannot reach the Lumio cloud**: the device is connected to Wi-Fi but not to the internet, or a firewall blocks it. Restart the router, then the Lumio Hub 2. Devices need outgoing access on port 443.
- **E-2001, pairing timeout**: the device did not answer the hub during pairing. Move it within 3 metres of the hub, make sure the phone is on a 2.4 GHz Wi-Fi network (not 5 GHz only), and hold the reset button for 10 seconds before trying again.
- **E-3107, local storage full**: the microSD card of the camera is full or damaged. Format it from the camera's settings or replace it with a card of 128 GB or less.
- **E-4410, firmware mismatch**: the device and the hub run incompatible firmware. Update the hub first under **Hub settings > Firmware**, then the device.

If a device shows offline without a code, check its power supply or battery first. Battery devices go offline below 5% charge.

If several devices go offline at the same time with E-1042, check the status page at status.lumio.example before troubleshooting: it may be an outage on our side.
"""),
        new(C.TechnicalBug, "en", "Service outages and the Lumio status page", """
The current state of all Lumio services (cloud recording, live view, notifications, app sign-in, voice assistants) is published at status.lumio.example. You can subscribe there to email or SMS alerts for incidents.

During a cloud outage, devices keep working locally: cameras with a microSD card go on recording to the card, automations that run on the Lumio Hub 2 continue, and the doorbell still rings the indoor chime. Live view from outside your home and notifications are unavailable.

If all your devices went offline at the same time and the status page shows no incident, the problem is most likely your internet connection: check it with another device. Business customers with more than 10 devices can call the priority line shown in their account for an incident reported in the last hour.

We publish an incident report within 5 business days after any outage longer than 1 hour. Lumio Pro subscribers receive a credit of one day of subscription for every full hour of cloud recording outage, applied automatically to the next invoice.
"""),
        new(C.TechnicalBug, "en", "Failed firmware update and recovery mode", """
Firmware updates are installed automatically at night, between 2 am and 5 am local time, when the device is idle. An update takes up to 10 minutes; during that time the LED blinks blue. Do not unplug the device.

If an update is interrupted, the device restarts in recovery mode and the LED blinks red. Leave it powered: it downloads the firmware again by itself within 30 minutes. If it is still blinking red after an hour, unplug it for 10 seconds, plug it back in and wait another 30 minutes.

If the device restarts in a loop, perform a recovery install: hold the reset button while plugging in the power, release it when the LED turns purple, and open the app, which then offers to reinstall the firmware from the phone. Settings are kept; only the pairing may need to be repeated.

A device that cannot be recovered after these steps is replaced under warranty, even outside the 2-year period, when the failure was caused by one of our updates.
"""),
        new(C.TechnicalBug, "en", "Reporting a display problem or small bug in the app", """
Small bugs such as wrong units, text that does not fit on the screen, dates in the wrong order or untranslated labels are collected by the app team and fixed in the next release. Releases come out every two weeks.

Before reporting, check the settings: the temperature unit is set per home under **Home settings > Units**, and the date format follows the language of the phone, not the language of the app.

To report a bug, use **Settings > Help > Report a problem** in the app. A screenshot is attached automatically if you start the report by shaking the phone. Please describe what you expected and what you saw instead.

You will not always receive an individual answer for minor display bugs, but each report is read, and the release notes in the store list the fixes.
"""),
        new(C.TechnicalBug, "fr", "L'application Lumio plante ou se fige", """
La plupart des plantages sont corrigés par la dernière version de l'application. Ouvrez l'App Store ou Google Play et installez la mise à jour disponible ; l'application nécessite iOS 16 ou Android 11 au minimum.

Si l'application plante toujours à l'ouverture de la vue en direct, videz son cache : sur Android, **Paramètres > Applications > Lumio > Stockage > Vider le cache** ; sur iPhone, supprimez puis réinstallez l'application. Vos appareils et réglages sont enregistrés dans votre compte.

Si un seul appareil provoque le plantage, retirez son widget du tableau de bord et ouvrez-le depuis **Appareils**.

Si rien n'y fait, envoyez un rapport de diagnostic depuis **Réglages > Aide > Envoyer un rapport** juste après un plantage et indiquez son numéro dans votre ticket, avec le modèle de votre téléphone.
"""),
        new(C.TechnicalBug, "fr", "Appareil hors ligne et codes d'erreur", """
Les codes d'erreur indiquent ce qui empêche un appareil de fonctionner :

- **E-1042, cloud Lumio injoignable** : l'appareil est connecté au Wi-Fi mais pas à internet. Redémarrez la box, puis le Lumio Hub 2.
- **E-2001, délai d'appairage dépassé** : rapprochez l'appareil à moins de 3 mètres du hub, utilisez un réseau Wi-Fi 2,4 GHz et maintenez le bouton de réinitialisation 10 secondes avant de réessayer.
- **E-3107, stockage local plein** : formatez la carte microSD depuis les réglages de la caméra ou remplacez-la (128 Go maximum).
- **E-4410, micrologiciel incompatible** : mettez d'abord à jour le hub, puis l'appareil.

Si plusieurs appareils passent hors ligne en même temps avec E-1042, consultez la page status.lumio.example : il peut s'agir d'une panne de notre côté. Pendant une panne, les caméras équipées d'une carte microSD continuent d'enregistrer localement.

Un appareil sur batterie passe hors ligne sous 5 % de charge : rechargez-le avant tout autre diagnostic.
"""),
    ];

    private static readonly ArticleDraft[] Cancellation =
    [
        new(C.Cancellation, "en", "How to cancel a Lumio Plus or Pro subscription", """
You can cancel at any time under **Account > Subscription > Cancel subscription**, in the app or on the website. The subscription stays active until the end of the period you have already paid for, and no further payment is taken. You receive a confirmation email; keep it.

If you subscribed through the App Store or Google Play, the subscription is billed by Apple or Google and must be cancelled there: on iPhone under **Settings > your name > Subscriptions**, on Android in **Google Play > Payments & subscriptions**. Lumio support cannot cancel these for you.

In the EU you have a 14-day right of withdrawal after first subscribing: if you cancel within 14 days, the full amount is refunded. After that, monthly plans are not refunded pro rata; annual plans cancelled within their first 30 days are refunded for the unused months.

Cancelling the subscription does not delete your account or your devices: live view and local automations keep working without a plan.
"""),
        new(C.Cancellation, "en", "Cancelling an order before it ships", """
An order can be cancelled as long as it has not been handed to the carrier. Go to **Account > Orders**, choose the order and select **Cancel order**. Orders placed before 2 pm usually ship the same day, so act quickly.

When the cancellation succeeds, the payment authorisation on your card is released, normally within 3 to 5 business days; no refund needs to be processed because the amount was never captured.

If the **Cancel order** button is missing, the order is already being packed. You cannot stop it any more, but you can refuse the parcel on delivery or return it within 30 days with the prepaid label for a full refund, shipping included.

Orders paid by bank transfer are refunded by transfer within 5 business days of the cancellation.
"""),
        new(C.Cancellation, "en", "Charged after cancelling", """
If you were charged after cancelling, first check the date. A cancellation takes effect at the end of the current billing period, so a payment taken before your cancellation date is correct. Your confirmation email shows the exact end date.

If a payment was taken after that end date, the cancellation may not have been completed, for example if the app was closed before the final confirmation screen. Check **Account > Subscription**: if it still says "Active", cancel again and open a ticket with the date of your first attempt and the invoice number of the unexpected charge.

When our records show the cancellation was requested, we refund any payment taken after that date in full, within 5 business days. If you cannot find a confirmation email, a screenshot of the cancellation screen or the date and time of your attempt helps us find it in the logs.

Subscriptions bought through Apple or Google are charged by those stores; if you cancelled in the Lumio app only, the store subscription may still be running.
"""),
        new(C.Cancellation, "en", "Pausing instead of cancelling, and coming back later", """
Lumio Plus and Pro can be paused for 1 to 3 months once per year under **Account > Subscription > Pause**. During a pause nothing is charged, cloud recording stops, and your settings, automations and saved clips are kept.

If you cancel instead, your settings and automations are kept as long as the account exists, but recordings in the cloud are deleted 30 days after the end of the subscription. Download the clips you want to keep before then.

If you resubscribe within 30 days after cancelling, your recording history is restored. Promotional prices are not kept after a cancellation; you pay the current price.

A pause ends automatically on the date you chose and billing resumes on that day. You can end a pause early at any time.
"""),
        new(C.Cancellation, "en", "Closing your Lumio account", """
Closing your account is different from cancelling a subscription. It permanently deletes your profile, homes, devices, automations and recordings, and it cannot be undone. Any active subscription must be cancelled first.

To close the account, go to **Account > Privacy > Close account**. You will be asked to confirm your password. Devices are unlinked and must be reset before someone else can use them; this is the right choice when you sell your house with the devices installed.

We keep invoices for 10 years because tax law requires it, and we keep a record that the account was closed. Everything else is deleted within 30 days.

If you are only moving house, you do not need to close the account: create a new home in the app, or transfer the existing home to the new owner under **Home settings > Transfer ownership**.
"""),
        new(C.Cancellation, "fr", "Résilier un abonnement Lumio Plus ou Pro", """
Vous pouvez résilier à tout moment dans **Compte > Abonnement > Résilier l'abonnement**. L'abonnement reste actif jusqu'à la fin de la période déjà payée et aucun nouveau prélèvement n'est effectué. Un e-mail de confirmation vous est envoyé : conservez-le.

Si vous avez souscrit via l'App Store ou Google Play, la résiliation se fait dans le magasin d'applications ; le service client Lumio ne peut pas la faire à votre place.

Dans l'UE, vous disposez d'un droit de rétractation de 14 jours après la première souscription : en cas de résiliation dans ce délai, le montant est intégralement remboursé. Ensuite, les abonnements mensuels ne sont pas remboursés au prorata.

Si vous avez été prélevé après la date de fin indiquée dans l'e-mail de confirmation, ouvrez un ticket avec la date de résiliation et le numéro de facture : le montant vous sera remboursé sous 5 jours ouvrés.
"""),
        new(C.Cancellation, "fr", "Suspendre son abonnement plutôt que résilier", """
Les abonnements Lumio Plus et Pro peuvent être suspendus de 1 à 3 mois, une fois par an, depuis **Compte > Abonnement > Suspendre**. Pendant la suspension, rien n'est prélevé, l'enregistrement dans le cloud s'arrête et vos réglages sont conservés.

En cas de résiliation, les enregistrements dans le cloud sont supprimés 30 jours après la fin de l'abonnement. Téléchargez avant cette date les vidéos que vous souhaitez garder.

Si vous vous réabonnez dans les 30 jours suivant la résiliation, votre historique est restauré. Les tarifs promotionnels ne sont pas conservés après une résiliation.

La suspension prend fin automatiquement à la date choisie et la facturation reprend ce jour-là ; vous pouvez y mettre fin plus tôt à tout moment.
"""),
    ];
}
