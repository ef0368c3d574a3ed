using System.Globalization;
using System.Text;

namespace HybridAI.Scenarios.TicketTriage.Data.Generation;

/// <summary>A generated ticket with the personal data planted in it.</summary>
internal sealed record ComposedTicket(TicketRecord Record, IReadOnlyList<PlantedPiiValue> Pii);

/// <summary>
/// Writes one ticket: picks a situation, wraps it in a greeting and sign-off, adds asides, typos and
/// contact details, then plants personal data last so the typos never touch it.
/// </summary>
internal static class TicketComposer
{
    private const double FrenchShare = 0.4;
    private const double AmbiguousShare = 0.09;
    private const double MislabelledShare = 0.055;
    private const double TypoTicketShare = 0.22;
    private const double TypoWordRate = 0.15;
    private const double CodeSwitchShare = 0.09;

    private static readonly string[] Channels = ["email", "email", "email", "email", "email", "web-form", "web-form", "web-form", "chat", "chat"];

    public static ComposedTicket Compose(string id, string trueCategory, SeededRandom random)
    {
        string language = random.Chance(FrenchShare) ? "fr" : "en";
        bool en = language == "en";
        string channel = random.Pick(Channels);
        bool informal = random.Chance(channel == "chat" ? 0.6 : 0.2);

        double noiseRoll = random.NextDouble();
        string noise = noiseRoll < AmbiguousShare ? TicketNoise.Ambiguous
            : noiseRoll < AmbiguousShare + MislabelledShare ? TicketNoise.Mislabelled
            : TicketNoise.Clean;

        TicketSituation situation = PickSituation(trueCategory, language, random);
        string label = trueCategory;
        string? otherCategory = null;
        string? aside = null;
        if (noise == TicketNoise.Mislabelled)
        {
            label = SharedPhrases.PlausibleWrongCategory(trueCategory);
            otherCategory = trueCategory;
        }
        else if (noise == TicketNoise.Ambiguous)
        {
            otherCategory = random.Pick(SharedPhrases.NeighbourCategories(trueCategory));
            aside = random.Pick(SharedPhrases.Aside(otherCategory, language));
        }

        string subject = random.Pick(situation.Subjects);
        string core = random.Pick(situation.Bodies);
        bool pressing = situation.Priority is TicketPriorities.High or TicketPriorities.Urgent;

        // The parts around the core, each present by chance.
        string? extra = random.Chance(0.3) ? random.Pick(en ? SharedPhrases.ExtrasEn : SharedPhrases.ExtrasFr) : null;
        string? codeSwitch = random.Chance(CodeSwitchShare) ? random.Pick(en ? SharedPhrases.FrenchInEnglish : SharedPhrases.EnglishInFrench) : null;
        string? thirdParty = random.Chance(0.12) ? random.Pick(en ? SharedPhrases.ThirdPartyEn : SharedPhrases.ThirdPartyFr) : null;
        string? urgency = random.Chance(pressing ? 0.4 : 0.08) ? random.Pick(en ? SharedPhrases.UrgencyEn : SharedPhrases.UrgencyFr) : null;
        string? contact = random.Chance(0.35) ? random.Pick(en ? SharedPhrases.ContactEn : SharedPhrases.ContactFr) : null;
        string? payment = random.Chance(PaymentDetailShare(trueCategory)) ? random.Pick(SharedPhrases.PaymentDetails(language)) : null;
        bool signs = random.Chance(informal ? 0.45 : channel == "web-form" ? 0.7 : 0.92);
        bool phoneInSignature = signs && !informal && contact is null && random.Chance(0.25);

        string body = informal
            ? InformalBody(language, random, core, aside, codeSwitch, urgency, contact, signs)
            : FormalBody(language, random, core, aside, payment, extra, codeSwitch, thirdParty, urgency, contact, signs, phoneInSignature);

        var slots = new SlotValues(language, random);
        subject = slots.FillPlain(subject);
        body = slots.FillPlain(body);
        if (random.Chance(TypoTicketShare))
        {
            body = TextNoise.AddTypos(body, random, TypoWordRate);
            subject = TextNoise.AddTypos(subject, random, TypoWordRate / 2);
        }
        if (informal && random.Chance(0.7))
        {
            body = body.ToLowerInvariant();
            if (random.Chance(0.5))
            {
                subject = subject.ToLowerInvariant();
            }
        }

        string customer = PiiFactory.FullName(random);
        var pii = new PersonalData(id, customer, language, random);
        body = pii.Plant(body);

        var record = new TicketRecord(id, subject, body, language, label, situation.Priority, noise, otherCategory, customer, channel);
        return new ComposedTicket(record, pii.Planted);
    }

    /// <summary>Customers quote card or bank details mostly when money is involved.</summary>
    private static double PaymentDetailShare(string category) => category switch
    {
        TicketCategories.Billing or TicketCategories.Refund => 0.25,
        TicketCategories.Cancellation => 0.12,
        _ => 0.02,
    };

    private static TicketSituation PickSituation(string category, string language, SeededRandom random)
    {
        var candidates = new List<TicketSituation>();
        foreach (TicketSituation s in TicketSituations.All)
        {
            if (s.Category == category && s.Language == language)
            {
                candidates.Add(s);
            }
        }
        TicketSituation picked = random.Pick(candidates);
        // Each category has one urgent situation among four or five; real inboxes see fewer emergencies than that.
        return picked.Priority == TicketPriorities.Urgent && random.Chance(0.45) ? random.Pick(candidates) : picked;
    }

    private static string FormalBody(
        string language, SeededRandom random, string core, string? aside, string? payment, string? extra, string? codeSwitch,
        string? thirdParty, string? urgency, string? contact, bool signs, bool phoneInSignature)
    {
        bool en = language == "en";
        var sb = new StringBuilder(512);
        sb.Append(random.Pick(en ? SharedPhrases.GreetingsEn : SharedPhrases.GreetingsFr)).Append("\n\n");
        sb.Append(core);
        AppendSentence(sb, aside);
        AppendSentence(sb, codeSwitch);
        string second = JoinSentences(payment, extra, thirdParty, urgency, contact);
        if (second.Length > 0)
        {
            sb.Append("\n\n").Append(second);
        }
        sb.Append("\n\n").Append(random.Pick(en ? SharedPhrases.ClosingsEn : SharedPhrases.ClosingsFr));
        if (signs)
        {
            sb.Append("\n{name}");
            if (phoneInSignature)
            {
                sb.Append("\n{phone}");
            }
            if (random.Chance(0.15))
            {
                sb.Append("\n{email}");
            }
            if (random.Chance(0.1))
            {
                sb.Append("\n{address}");
            }
        }
        return sb.ToString();
    }

    private static string InformalBody(
        string language, SeededRandom random, string core, string? aside, string? codeSwitch, string? urgency, string? contact, bool signs)
    {
        bool en = language == "en";
        var sb = new StringBuilder(384);
        if (random.Chance(0.7))
        {
            sb.Append(random.Pick(en ? SharedPhrases.InformalGreetingsEn : SharedPhrases.InformalGreetingsFr)).Append(' ');
        }
        sb.Append(core);
        AppendSentence(sb, aside);
        AppendSentence(sb, codeSwitch);
        AppendSentence(sb, urgency);
        if (contact is not null)
        {
            sb.Append('\n').Append(contact);
        }
        sb.Append('\n').Append(random.Pick(en ? SharedPhrases.InformalClosingsEn : SharedPhrases.InformalClosingsFr));
        if (signs)
        {
            sb.Append(" - {name}");
        }
        return sb.ToString();
    }

    private static void AppendSentence(StringBuilder sb, string? sentence)
    {
        if (sentence is not null)
        {
            sb.Append(' ').Append(sentence);
        }
    }

    private static string JoinSentences(params string?[] sentences) =>
        string.Join(' ', sentences.Where(s => s is not null));

    /// <summary>Non-personal slot values, drawn once per ticket so a slot used twice reads the same.</summary>
    private sealed class SlotValues(string language, SeededRandom random)
    {
        private readonly string _product = random.Pick(Catalog.Products);
        private readonly string _plan = random.Pick(Catalog.Plans);
        private readonly string _order = Catalog.OrderNumber(random);
        private readonly string _invoice = Catalog.InvoiceNumber(random);
        private readonly string _amount = Catalog.Amount(random, language);
        private readonly string _date = Catalog.Date(random, language);
        private readonly string _carrier = random.Pick(Catalog.Carriers);
        private readonly string _error = random.Pick(Catalog.ErrorCodes);
        private readonly string _days = random.Next(3, 26).ToString(CultureInfo.InvariantCulture);

        public string FillPlain(string text) => new StringBuilder(text)
            .Replace("{product}", _product)
            .Replace("{plan}", _plan)
            .Replace("{order}", _order)
            .Replace("{invoice}", _invoice)
            .Replace("{amount}", _amount)
            .Replace("{date}", _date)
            .Replace("{carrier}", _carrier)
            .Replace("{error}", _error)
            .Replace("{days}", _days)
            .ToString();
    }

    /// <summary>The ticket's personal data; each value is recorded only if its slot is really in the text.</summary>
    private sealed class PersonalData(string ticketId, string customer, string language, SeededRandom random)
    {
        private readonly string _email = PiiFactory.Email(random, customer, language);
        private readonly string _phone = PiiFactory.Phone(random, language);
        private readonly string _card = PiiFactory.CardNumber(random);
        private readonly string _iban = PiiFactory.Iban(random, language);
        private readonly string _address = PiiFactory.Address(random, language);
        private readonly string _person = PiiFactory.FullName(random);

        public List<PlantedPiiValue> Planted { get; } = [];

        public string Plant(string text)
        {
            text = Put(text, "{name}", customer, PiiTypes.Person);
            text = Put(text, "{person}", _person, PiiTypes.Person);
            text = Put(text, "{email}", _email, PiiTypes.Email);
            text = Put(text, "{phone}", _phone, PiiTypes.Phone);
            text = Put(text, "{card}", _card, PiiTypes.CreditCard);
            text = Put(text, "{iban}", _iban, PiiTypes.Iban);
            return Put(text, "{address}", _address, PiiTypes.Address);
        }

        private string Put(string text, string slot, string value, string type)
        {
            if (!text.Contains(slot, StringComparison.Ordinal))
            {
                return text;
            }
            var planted = new PlantedPiiValue(ticketId, type, value);
            if (!Planted.Contains(planted))
            {
                Planted.Add(planted);
            }
            return text.Replace(slot, value, StringComparison.Ordinal);
        }
    }
}
