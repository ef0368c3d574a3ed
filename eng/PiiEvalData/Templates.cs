namespace HybridAI.PiiEvalData;

/// <summary>
/// The evaluation set's own sentence templates, written for it alone (the tagger's training text never uses them):
/// support tickets, fraud reports, HR and claims emails, chat logs, in US and UK English, French and German.
/// A slot in braces is filled by <see cref="PiiValues"/>; labelled slots are PERSON, FIRST, LAST, PERSON2, ORG, CITY,
/// COUNTRY, ADDRESS, STREET, EMAIL, PHONE, PHONE_INTL, CARD, IBAN, SSN, NIR, IP, IPV6, URL, DATE, DOB, AGE, ZIP;
/// the near-miss slots ORDER, AMOUNT, BADCARD, TICKET, VERSION, TIME, QTY, TRACKING, SKU are never labelled.
/// </summary>
public static class Templates
{
    public static readonly IReadOnlyList<(Locale Locale, string Text)> All =
    [
        // ---- US English: support tickets
        (Locale.UsEnglish, "Hi, this is {PERSON}. I was charged twice for order {ORDER} ({AMOUNT}). Please call me back at {PHONE} or email {EMAIL}."),
        (Locale.UsEnglish, "Customer {PERSON} (DOB {DOB}) reports that the card ending in the digits below was declined: {CARD}. Billing address: {ADDRESS}."),
        (Locale.UsEnglish, "Hello support,\nmy account {EMAIL} got locked after the {VERSION} update. I'm traveling in {CITY} until {DATE}; best number is {PHONE}.\nThanks,\n{FIRST}"),
        (Locale.UsEnglish, "Ticket {TICKET}: user logged in from {IP} at {TIME}, which is not their usual location. Account owner: {PERSON}, {EMAIL}."),
        (Locale.UsEnglish, "Please update the shipping address on {ORDER} to {ADDRESS}. The package was sent to my old place by mistake. - {PERSON}"),
        (Locale.UsEnglish, "I am {AGE} years old and would like to close my account. My SSN is {SSN} if you need it to verify me. Phone: {PHONE}."),
        (Locale.UsEnglish, "We spoke with {PERSON} from {ORG} about the bulk order of {QTY} units ({SKU}). Send the quote to {EMAIL}."),
        (Locale.UsEnglish, "Refund of {AMOUNT} approved for {PERSON}. It will be credited to the card {CARD} within 5 business days."),
        (Locale.UsEnglish, "Dear {PERSON},\nthank you for contacting {ORG}. Your case {TICKET} has been escalated. You can follow it at {URL}."),
        (Locale.UsEnglish, "Tracking {TRACKING} shows the parcel stuck in {CITY}. Recipient {PERSON}, {ADDRESS}, phone {PHONE}."),
        // ---- US English: fraud, HR, claims
        (Locale.UsEnglish, "FRAUD ALERT: three transactions totalling {AMOUNT} on card {CARD} from IP {IP}. Cardholder {PERSON} says she was in {CITY} at the time."),
        (Locale.UsEnglish, "Suspicious wire transfer to IBAN {IBAN} requested by someone claiming to be {PERSON}. The request came from {EMAIL} and {IPV6}."),
        (Locale.UsEnglish, "New hire paperwork for {PERSON}: start date {DATE}, SSN {SSN}, date of birth {DOB}, home address {ADDRESS}."),
        (Locale.UsEnglish, "Hi {FIRST}, HR here. Could you confirm your emergency contact? We have {PERSON2} at {PHONE}. Reply to this email or call extension {QTY}."),
        (Locale.UsEnglish, "Claim {TICKET}: the insured, {PERSON}, age {AGE}, reported water damage at {ADDRESS} on {DATE}. Adjuster: {PERSON2} ({EMAIL})."),
        (Locale.UsEnglish, "Mr. {LAST} called about his claim. He says the invoice {ORDER} for {AMOUNT} was already paid. Call back: {PHONE}."),
        (Locale.UsEnglish, "Chat transcript\nAgent: How can I help?\nCustomer: It's {PERSON}, my zip is {ZIP}. The app crashes on version {VERSION}.\nAgent: Thanks, I've opened {TICKET}."),
        (Locale.UsEnglish, "Vendor onboarding: {ORG}, contact {PERSON}, {PHONE_INTL}, remittance IBAN {IBAN}. Website: {URL}."),
        (Locale.UsEnglish, "The login attempts for {EMAIL} came from {IP} and {IP}. We reset the password at {TIME} and notified {FIRST}."),
        (Locale.UsEnglish, "Patient {PERSON}, born {DOB}, missed the appointment on {DATE}. Please reschedule via {PHONE} or {URL}."),
        (Locale.UsEnglish, "Per our call, {ORG} will refund {AMOUNT}. I still see the charge on the statement for card {CARD}. Regards, {PERSON}"),
        (Locale.UsEnglish, "Can someone at {ORG} explain why my package ({TRACKING}) went to {CITY}, {COUNTRY}? I live in {CITY}. {PERSON}, {PHONE}"),
        // ---- UK English
        (Locale.UkEnglish, "Hello, I'm {PERSON} and I've moved to {ADDRESS}. Please update my details; my mobile is now {PHONE}."),
        (Locale.UkEnglish, "Complaint from Mrs {LAST} regarding order {ORDER}: the delivery driver left the parcel in the rain. Contact her on {PHONE} or {EMAIL}."),
        (Locale.UkEnglish, "Direct debit set up for {PERSON}: IBAN {IBAN}, first collection on {DATE} for {AMOUNT}."),
        (Locale.UkEnglish, "Fraud team: card {CARD} was used at three shops in {CITY} within ten minutes. The cardholder, {PERSON}, was abroad in {COUNTRY}."),
        (Locale.UkEnglish, "Dear {FIRST},\nyour interview at {ORG} is confirmed for {DATE} at {TIME}. The office is at {ADDRESS}.\nKind regards,\n{PERSON2}"),
        (Locale.UkEnglish, "Insurance claim {TICKET}: {PERSON} (aged {AGE}) was involved in a collision near {CITY} on {DATE}. Third party: {PERSON2}, {PHONE}."),
        (Locale.UkEnglish, "Hi team, {PERSON} from {ORG} rang from {PHONE_INTL} asking for the invoice {ORDER}. Can someone email it to {EMAIL}?"),
        (Locale.UkEnglish, "Our records show the account holder lives at {ADDRESS}, but the parcel {TRACKING} was addressed to a flat in {CITY}."),
        (Locale.UkEnglish, "Payroll query: {PERSON} says the {AMOUNT} bonus was paid into the wrong account ({IBAN}). Postcode on file: {ZIP}."),
        (Locale.UkEnglish, "Security log: failed logins for {EMAIL} from {IPV6} at {TIME}; the customer, Mr {LAST}, confirmed it wasn't him."),
        // ---- French: tickets
        (Locale.French, "Bonjour, je suis {PERSON} et ma commande {ORDER} n'est jamais arrivée. Vous pouvez me joindre au {PHONE} ou par mail à {EMAIL}."),
        (Locale.French, "Madame {LAST} signale un double prélèvement de {AMOUNT} sur sa carte {CARD}. Elle habite {ADDRESS}."),
        (Locale.French, "Bonjour,\nmerci de mettre à jour mon adresse : {ADDRESS}. Mon nouveau numéro est le {PHONE}.\nCordialement,\n{PERSON}"),
        (Locale.French, "Le client {PERSON}, né le {DOB}, demande la résiliation de son contrat. Numéro de sécurité sociale : {NIR}."),
        (Locale.French, "Ticket {TICKET} : connexion suspecte depuis l'adresse IP {IP} sur le compte de {PERSON} ({EMAIL}) à {TIME}."),
        (Locale.French, "Remboursement de {AMOUNT} validé pour {PERSON}. Virement sur l'IBAN {IBAN} sous 48 heures."),
        (Locale.French, "Bonjour {FIRST},\nvotre dossier {TICKET} est en cours de traitement chez {ORG}. Suivez-le sur {URL}."),
        (Locale.French, "Le colis {TRACKING} est bloqué à {CITY}. Destinataire : {PERSON}, {ADDRESS}, tél. {PHONE}."),
        (Locale.French, "J'ai {AGE} ans et je n'arrive plus à me connecter depuis la version {VERSION}. Mon identifiant est {EMAIL}. Merci de me rappeler au {PHONE}."),
        (Locale.French, "M. {LAST} a appelé à {TIME} au sujet de la facture {ORDER} ({AMOUNT}). Il souhaite être rappelé au {PHONE}."),
        // ---- French: fraude, RH, sinistres
        (Locale.French, "ALERTE FRAUDE : {QTY} paiements sur la carte {CARD} depuis l'IP {IP}. Le titulaire, {PERSON}, affirme être à {CITY} ce jour-là."),
        (Locale.French, "Demande de virement vers l'IBAN {IBAN} reçue de {EMAIL}, qui se présente comme {PERSON}, directeur financier de {ORG}."),
        (Locale.French, "Dossier d'embauche de {PERSON} : date d'entrée {DATE}, NIR {NIR}, né le {DOB} à {CITY}, domicile {ADDRESS}."),
        (Locale.French, "Bonjour {FIRST},\nle service RH a bien reçu votre arrêt de travail du {DATE}. Pour toute question, contactez {PERSON2} au {PHONE}.\nBien à vous"),
        (Locale.French, "Déclaration de sinistre {TICKET} : {PERSON}, {AGE} ans, signale un dégât des eaux au {ADDRESS} le {DATE}."),
        (Locale.French, "Réclamation de {PERSON} ({EMAIL}) : le technicien de {ORG} n'est pas venu le {DATE} entre 8h00 et 12h00."),
        (Locale.French, "Échange de chat\nConseiller : Bonjour, que puis-je faire pour vous ?\nClient : C'est {PERSON}, code postal {ZIP}. L'application plante.\nConseiller : J'ouvre le ticket {TICKET}."),
        (Locale.French, "Fournisseur {ORG}, interlocuteur {PERSON}, {PHONE_INTL}, site {URL}. Paiement à 30 jours sur l'IBAN {IBAN}."),
        (Locale.French, "Mme {LAST} nous écrit depuis {COUNTRY} : sa carte {CARD} a été débitée de {AMOUNT} alors qu'elle ne l'a pas utilisée."),
        (Locale.French, "Rendez-vous de {PERSON} le {DATE} à {TIME} avec le conseiller {PERSON2}, agence de {CITY}. Confirmation envoyée à {EMAIL}."),
        (Locale.French, "Le compte {EMAIL} a été bloqué après des connexions depuis {IP} et {IPV6}. Merci de prévenir {FIRST} au {PHONE}."),
        (Locale.French, "Suite à notre échange, {ORG} vous rembourse {AMOUNT}. La somme n'apparaît pas encore sur le relevé de la carte {CARD}. {PERSON}"),
        // ---- German
        (Locale.German, "Guten Tag, mein Name ist {PERSON}. Meine Bestellung {ORDER} ist nicht angekommen. Bitte rufen Sie mich unter {PHONE} an oder schreiben Sie an {EMAIL}."),
        (Locale.German, "Frau {LAST} meldet eine doppelte Abbuchung von {AMOUNT} von ihrer Karte {CARD}. Anschrift: {ADDRESS}."),
        (Locale.German, "Bitte ändern Sie meine Adresse auf {ADDRESS}. Neue Telefonnummer: {PHONE}.\nMit freundlichen Grüßen\n{PERSON}"),
        (Locale.German, "Betrugsverdacht: Überweisung an die IBAN {IBAN}, angefordert von {EMAIL} im Namen von {PERSON} ({ORG})."),
        (Locale.German, "Schadensmeldung {TICKET}: {PERSON}, {AGE} Jahre, Wasserschaden am {DATE} in {ADDRESS}. Sachbearbeiter: {PERSON2}."),
        (Locale.German, "Anmeldung von {IP} um {TIME} für das Konto {EMAIL}. Herr {LAST} bestätigt, dass er es nicht war."),
        (Locale.German, "Hallo {FIRST},\ndein Vorstellungsgespräch bei {ORG} ist am {DATE} um {TIME}. Rückfragen an {PERSON2}, {PHONE_INTL}."),
        (Locale.German, "Das Paket {TRACKING} liegt in {CITY}. Empfänger: {PERSON}, {ADDRESS}, Tel. {PHONE}."),
        // ---- mixed-language records (a French customer writing to an English desk and back)
        (Locale.French, "Hello, je suis {PERSON} from {CITY}. My order {ORDER} is late, merci de me contacter au {PHONE_INTL} ou {EMAIL}."),
        (Locale.UkEnglish, "Forwarded from our Paris office: {PERSON} ({EMAIL}) reports card {CARD} blocked while travelling in {COUNTRY}."),
    ];

    /// <summary>Records with no personal data at all, full of numbers that look like it (the precision test).</summary>
    public static readonly IReadOnlyList<(Locale Locale, string Text)> Negatives =
    [
        (Locale.UsEnglish, "Order {ORDER} shipped today: {QTY} items, total {AMOUNT}. Tracking number {TRACKING}."),
        (Locale.UsEnglish, "The app crashes on startup since version {VERSION}. Steps: open settings, tap Sync, wait {QTY} seconds."),
        (Locale.UsEnglish, "Invoice {ORDER} for {AMOUNT} is overdue. Reference {SKU}, ticket {TICKET}."),
        (Locale.UsEnglish, "Test card {BADCARD} was rejected by the payment form, as expected, because it fails the checksum."),
        (Locale.UsEnglish, "Maintenance window tonight from {TIME} to {TIME}. Build {VERSION} will be deployed to all regions."),
        (Locale.UsEnglish, "Please restock {SKU}: only {QTY} left. Reorder quantity is {QTY} per pallet."),
        (Locale.UkEnglish, "Your parcel {TRACKING} will arrive between {TIME} and {TIME}. Order total {AMOUNT}, paid in full."),
        (Locale.UkEnglish, "Ticket {TICKET} closed: the fault was a loose cable. Firmware {VERSION} resolves the reboot loop."),
        (Locale.UkEnglish, "The number {BADCARD} printed on the leaflet is a sample, not a real card."),
        (Locale.French, "Commande {ORDER} expédiée : {QTY} articles pour {AMOUNT}. Numéro de suivi {TRACKING}."),
        (Locale.French, "L'application plante depuis la mise à jour {VERSION}. Ticket {TICKET} ouvert à {TIME}."),
        (Locale.French, "Facture {ORDER} d'un montant de {AMOUNT}, référence article {SKU}."),
        (Locale.French, "Le numéro {BADCARD} saisi dans le formulaire est invalide (clé de Luhn incorrecte)."),
        (Locale.French, "Intervention prévue de {TIME} à {TIME}, {QTY} postes concernés, version {VERSION}."),
        (Locale.German, "Bestellung {ORDER} versendet: {QTY} Artikel, Gesamtbetrag {AMOUNT}. Sendungsnummer {TRACKING}."),
        (Locale.German, "Die App stürzt seit Version {VERSION} ab. Ticket {TICKET}, gemeldet um {TIME}."),
        (Locale.German, "Die Kartennummer {BADCARD} im Testformular ist ungültig."),
    ];
}
