using System.Globalization;
using System.Text;

namespace HybridAI.Scenarios.TicketTriage.Data.Files;

/// <summary>Renders data/README.md from the data set itself, so the counts in it are always true.</summary>
internal static class DataReadme
{
    public static string Render(TicketDataSet data)
    {
        var all = data.Train.Concat(data.Golden).ToArray();
        var sb = new StringBuilder(16 * 1024);
        sb.Append("""
# Scenario 01 data: ticket triage + grounded reply

Support tickets for **Lumio**, an invented smart-home company (cameras, doorbell, hub, thermostat and the
Lumio Plus / Lumio Pro subscriptions), with the knowledge base its agents answer from. The workflow of this
scenario classifies each ticket's category and priority, retrieves KB articles, drafts a grounded reply,
masks personal data and sends urgent or low-confidence tickets to a human.

Everything in this folder is **generated**: do not edit it by hand. The generator is
`TicketDataGenerator` (in `../Data/`), seeded, with its own PRNG and invariant formatting, so the same seed
writes byte-identical files on every machine. A test regenerates the data and compares it with these files
(`.gitattributes` here stops git from changing their line ends).

## Regenerate

```
hybridai scenarios generate-data ticket-triage
```

or from C#: `TicketDataGenerator.WriteTo("samples/scenarios/01-ticket-triage/data");`


""");
        sb.Append("Seed: `").Append(Num(data.Seed ?? TicketDataGenerator.DefaultSeed)).Append("`.\n\n");

        sb.Append("## Files\n\n");
        sb.Append("| file | content |\n|---|---|\n");
        sb.Append("| `").Append(TicketDataFileNames.Train).Append("` | ").Append(Num(data.Train.Count)).Append(" tickets for training, one JSON object per line |\n");
        sb.Append("| `").Append(TicketDataFileNames.Golden).Append("` | ").Append(Num(data.Golden.Count)).Append(" held-out tickets (").Append(Percent(data.Golden.Count, all.Length)).Append(", stratified by category), same shape |\n");
        sb.Append("| `").Append(TicketDataFileNames.PlantedPii).Append("` | ").Append(Num(data.PlantedPii.Count)).Append(" personal-data values planted in the tickets, to score PII masking |\n");
        sb.Append("| `kb/KBnnn-slug.md` | ").Append(Num(data.Articles.Count)).Append(" knowledge-base articles in Markdown with a small front-matter block |\n\n");

        sb.Append("""
## Ticket records

```json
{"id":"T0042","subject":"Where is my order CMD-12345?","body":"Hello,\n\nI ordered a Lumio Doorbell ...","language":"en","category":"shipping-delivery","priority":"normal","noise":"clean","other_category":null,"customer_name":"...","channel":"email"}
```

- `language`: `en` or `fr` (the dominant one; some tickets switch language mid-text).
- `category`, `priority`: the labels. Priorities are `low`, `normal`, `high`, `urgent`; urgent means a
  security breach, fraud, a service outage or a legal threat.
- `noise`: `clean`; `ambiguous` (the text also touches `other_category`); or `mislabelled` (the label was
  deliberately flipped to a plausible wrong category; `other_category` holds the category the text describes).
  Keep them in evaluation: real labels are never perfect.
- `customer_name`, `channel` (`email`, `web-form`, `chat`). Chat tickets are more often informal.
- Bodies vary on purpose: several phrasings per situation, slots (products, amounts, order numbers such as
  `CMD-48213`, dates in several formats), typos in about a fifth of the tickets, informal lower-case style,
  and customers who sound urgent about things that are not.


""");
        AppendCountTable(sb, "Tickets per category", TicketCategories.All, data, t => t.Category);
        AppendCountTable(sb, "Tickets per priority", TicketPriorities.All, data, t => t.Priority);
        AppendCountTable(sb, "Tickets per language", ["en", "fr"], data, t => t.Language);
        AppendCountTable(sb, "Tickets per noise kind", [TicketNoise.Clean, TicketNoise.Ambiguous, TicketNoise.Mislabelled], data, t => t.Noise);

        sb.Append("""
## Planted personal data

Each line of `planted-pii.jsonl` is `{"ticket_id","type","value"}`, with the value exactly as it appears in
the ticket's subject or body, so a masker can be scored by exact match. All of it is fake: names from
invented lists, e-mails at reserved example domains, phone numbers from ranges kept for fiction
(UK `07700 900xxx`, US `555-01xx`) or random French mobiles, card numbers that are random but Luhn-valid,
IBANs with valid mod-97 check digits but invented bank codes, and invented street addresses.
`customer_name` is personal data too, although it is a field and not part of the text.

| type | values |
|---|---:|

""");
        foreach (string type in (string[])[PiiTypes.Person, PiiTypes.Email, PiiTypes.Phone, PiiTypes.CreditCard, PiiTypes.Iban, PiiTypes.Address])
        {
            sb.Append("| ").Append(type).Append(" | ").Append(Num(data.PlantedPii.Count(p => p.Type == type))).Append(" |\n");
        }
        int withPii = data.PlantedPii.Select(p => p.TicketId).Distinct(StringComparer.Ordinal).Count();
        sb.Append('\n').Append(Num(withPii)).Append(" of ").Append(Num(all.Length)).Append(" tickets (").Append(Percent(withPii, all.Length)).Append(") contain at least one value.\n\n");

        sb.Append("""
## Knowledge base

One Markdown file per article. The front matter gives `id`, `category`, `language` and `title`; the body is
the `# Title` heading and 3 to 6 paragraphs of procedure (windows, delays, menu paths, error codes) that a
grounded reply can quote. Articles contain no personal data.

| id | category | language | title |
|---|---|---|---|

""");
        foreach (KnowledgeBaseArticle a in data.Articles)
        {
            sb.Append("| [").Append(a.Id).Append("](kb/").Append(a.FileName).Append(") | ").Append(a.Category).Append(" | ")
              .Append(a.Language).Append(" | ").Append(a.Title).Append(" |\n");
        }
        return sb.ToString();
    }

    private static void AppendCountTable(StringBuilder sb, string title, IReadOnlyList<string> keys, TicketDataSet data, Func<TicketRecord, string> key)
    {
        sb.Append("### ").Append(title).Append("\n\n| | train | golden | total |\n|---|---:|---:|---:|\n");
        foreach (string k in keys)
        {
            int train = data.Train.Count(t => key(t) == k);
            int golden = data.Golden.Count(t => key(t) == k);
            sb.Append("| ").Append(k).Append(" | ").Append(Num(train)).Append(" | ").Append(Num(golden)).Append(" | ").Append(Num(train + golden)).Append(" |\n");
        }
        sb.Append("| **all** | ").Append(Num(data.Train.Count)).Append(" | ").Append(Num(data.Golden.Count)).Append(" | ")
          .Append(Num(data.Train.Count + data.Golden.Count)).Append(" |\n\n");
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) =>
        (whole == 0 ? 0 : Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero)).ToString("0", CultureInfo.InvariantCulture) + "%";
}
