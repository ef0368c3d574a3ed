using System.Text;

namespace HybridAI.PiiEvalData;

/// <summary>Fills a template's slots, recording the character range and type of every labelled one.</summary>
public static class RecordComposer
{
    public static (string Text, List<LabelledSpan> Spans) Fill(string template, PiiValues values)
    {
        var text = new StringBuilder(template.Length * 2);
        var spans = new List<LabelledSpan>();
        var at = 0;
        while (at < template.Length)
        {
            var open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Append(template, at, template.Length - at);
                break;
            }
            var close = template.IndexOf('}', open);
            if (close < 0)
                throw new FormatException($"Unclosed slot in template \"{template}\".");
            text.Append(template, at, open - at);
            var slot = template[(open + 1)..close];
            var (type, value) = Slot(slot, values);
            if (type is not null)
                spans.Add(new LabelledSpan(type, text.Length, text.Length + value.Length));
            text.Append(value);
            at = close + 1;
        }
        return (text.ToString(), spans);
    }

    private static (string? Type, string Value) Slot(string slot, PiiValues v) => slot switch
    {
        "PERSON" => ("PERSON", v.FullName()),
        "FIRST" => ("PERSON", v.First),
        "LAST" => ("PERSON", v.Last),
        "PERSON2" => ("PERSON", v.OtherName()),
        "ORG" => ("ORGANIZATION", v.Company()),
        "CITY" => ("LOCATION", v.City()),
        "COUNTRY" => ("LOCATION", v.Country()),
        "ADDRESS" => ("ADDRESS", v.Address()),
        "STREET" => ("ADDRESS", v.Address(withCity: false)),
        "EMAIL" => ("EMAIL", v.Email()),
        "PHONE" => ("PHONE", v.Phone()),
        "PHONE_INTL" => ("PHONE", v.Phone(international: true)),
        "CARD" => ("CREDIT_CARD", v.Card()),
        "IBAN" => ("IBAN", v.Iban()),
        "SSN" => ("US_SSN", v.UsSsn()),
        "NIR" => ("FR_NIR", v.FrenchNir()),
        "IP" => ("IP_ADDRESS", v.IPv4()),
        "IPV6" => ("IP_ADDRESS", v.IPv6()),
        "URL" => ("URL", v.Url()),
        "DATE" => ("DATE", v.Date()),
        "DOB" => ("DATE", v.Date(birth: true)),
        "AGE" => ("AGE", v.Age()),
        "ZIP" => ("ZIP_CODE", v.ZipCode()),
        "ORDER" => (null, v.OrderNumber()),
        "AMOUNT" => (null, v.Amount()),
        "BADCARD" => (null, v.InvalidCard()),
        "TICKET" => (null, v.TicketNumber()),
        "VERSION" => (null, v.Version()),
        "TIME" => (null, v.Time()),
        "QTY" => (null, v.Quantity()),
        "TRACKING" => (null, v.Tracking()),
        "SKU" => (null, v.Sku()),
        _ => throw new FormatException($"Unknown slot {{{slot}}}."),
    };
}
