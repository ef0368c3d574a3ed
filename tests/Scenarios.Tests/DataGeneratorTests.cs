using System.Text;
using HybridAI.Scenarios.TicketTriage.Data;
using HybridAI.Scenarios.TicketTriage.Data.Files;

namespace HybridAI.Scenarios.Tests;

public sealed class DataGeneratorTests : IDisposable
{
    private static readonly TicketDataSet Data = TicketDataGenerator.Generate();
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "hybridai-ticket-data-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    private static IEnumerable<TicketRecord> AllTickets => Data.Train.Concat(Data.Golden);

    private static string CommittedDataDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
        {
            dir = dir.Parent;
        }
        Assert.True(dir is not null, "HybridAI.sln not found above " + AppContext.BaseDirectory);
        return Path.Combine(dir.FullName, "samples", "scenarios", "01-ticket-triage", "data");
    }

    private static SortedDictionary<string, byte[]> ReadTree(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    [Fact]
    public void Regenerating_gives_byte_identical_files_to_the_committed_ones()
    {
        TicketDataGenerator.WriteTo(_temp);

        var committed = ReadTree(CommittedDataDirectory());
        var regenerated = ReadTree(_temp);

        Assert.Equal(committed.Keys, regenerated.Keys);
        foreach ((string path, byte[] bytes) in committed)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(regenerated[path]), path + " differs from a fresh generation; run `hybridai scenarios generate-data ticket-triage`");
        }
    }

    [Fact]
    public void Files_are_utf8_without_bom_with_unix_newlines()
    {
        TicketDataGenerator.WriteTo(_temp);
        foreach ((string path, byte[] bytes) in ReadTree(_temp))
        {
            Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), path + " starts with a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.Equal((byte)'\n', bytes[^1]);
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
    }

    [Fact]
    public void Another_seed_gives_other_tickets_and_the_same_seed_the_same_ones()
    {
        TicketDataSet again = TicketDataGenerator.Generate();
        TicketDataSet other = TicketDataGenerator.Generate(seed: 7);

        Assert.Equal(Data.Train, again.Train);
        Assert.Equal(Data.PlantedPii, again.PlantedPii);
        Assert.NotEqual(Data.Train.Select(t => t.Body), other.Train.Select(t => t.Body));
    }

    [Fact]
    public void Data_set_is_big_and_varied_enough_for_the_scenario()
    {
        var tickets = AllTickets.ToList();

        Assert.True(tickets.Count >= 400, "tickets: " + tickets.Count);
        Assert.True(tickets.Select(t => t.Category).Distinct().Count() >= 6);
        Assert.All(tickets, t => Assert.Contains(t.Category, TicketCategories.All));
        Assert.All(tickets, t => Assert.Contains(t.Priority, TicketPriorities.All));
        Assert.All(tickets, t => Assert.Contains(t.Language, new[] { "en", "fr" }));
        Assert.Equal(TicketPriorities.All.Order(), tickets.Select(t => t.Priority).Distinct().Order());
        Assert.InRange(tickets.Count(t => t.Language == "fr") / (double)tickets.Count, 0.25, 0.55);

        int noisy = tickets.Count(t => t.Noise is TicketNoise.Ambiguous or TicketNoise.Mislabelled);
        Assert.True(noisy >= tickets.Count / 10, "ambiguous or mislabelled: " + noisy);
        Assert.Contains(tickets, t => t.Noise == TicketNoise.Mislabelled);
        Assert.Contains(tickets, t => t.Noise == TicketNoise.Ambiguous);
    }

    [Fact]
    public void Ids_are_unique_and_numbered_from_T0001()
    {
        var ids = AllTickets.Select(t => t.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => "T" + i.ToString("0000", System.Globalization.CultureInfo.InvariantCulture)), ids);
        Assert.Equal(Data.Train.Select(t => t.Id).Order(StringComparer.Ordinal), Data.Train.Select(t => t.Id));
    }

    [Fact]
    public void Noise_kind_and_other_category_agree()
    {
        foreach (TicketRecord t in AllTickets)
        {
            if (t.Noise == TicketNoise.Clean)
            {
                Assert.Null(t.OtherCategory);
            }
            else
            {
                Assert.Contains(t.OtherCategory!, TicketCategories.All);
                Assert.NotEqual(t.Category, t.OtherCategory);
            }
        }
    }

    [Fact]
    public void Golden_set_is_a_fifth_of_every_category()
    {
        int total = Data.Train.Count + Data.Golden.Count;
        Assert.InRange(Data.Golden.Count / (double)total, 0.18, 0.22);
        Assert.Empty(Data.Train.Select(t => t.Id).Intersect(Data.Golden.Select(t => t.Id)));

        foreach (string category in TicketCategories.All)
        {
            int inCategory = AllTickets.Count(t => t.Category == category);
            int golden = Data.Golden.Count(t => t.Category == category);
            Assert.InRange(golden, (int)Math.Floor(inCategory * 0.2), (int)Math.Ceiling(inCategory * 0.2));
        }
        Assert.Contains(Data.Golden, t => t.Noise != TicketNoise.Clean);
    }

    [Fact]
    public void Every_planted_value_occurs_in_its_ticket()
    {
        var byId = AllTickets.ToDictionary(t => t.Id);
        var types = new[] { "PERSON", "EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "ADDRESS" };

        foreach (PlantedPiiValue pii in Data.PlantedPii)
        {
            Assert.True(byId.TryGetValue(pii.TicketId, out TicketRecord? ticket), "unknown ticket " + pii.TicketId);
            Assert.Contains(pii.Type, types);
            Assert.True((ticket.Subject + "\n" + ticket.Body).Contains(pii.Value, StringComparison.Ordinal), pii.Type + " not found in " + pii.TicketId);
        }
        Assert.Equal(types.Order(), Data.PlantedPii.Select(p => p.Type).Distinct().Order());
        int ticketsWithPii = Data.PlantedPii.Select(p => p.TicketId).Distinct().Count();
        Assert.True(ticketsWithPii > byId.Count / 2, "tickets with PII: " + ticketsWithPii);
    }

    [Fact]
    public void Emails_use_example_domains()
    {
        var allowed = new[] { "example.com", "example.org", "example.net", "exemple.fr" };
        foreach (PlantedPiiValue email in Data.PlantedPii.Where(p => p.Type == PiiTypes.Email))
        {
            string domain = email.Value[(email.Value.IndexOf('@', StringComparison.Ordinal) + 1)..];
            Assert.Contains(allowed, d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Card_numbers_are_16_digits_with_a_valid_luhn_check()
    {
        var cards = Data.PlantedPii.Where(p => p.Type == PiiTypes.CreditCard).ToList();
        Assert.NotEmpty(cards);
        foreach (PlantedPiiValue card in cards)
        {
            string digits = card.Value.Replace(" ", "", StringComparison.Ordinal);
            Assert.Equal(16, digits.Length);
            Assert.All(digits, c => Assert.True(char.IsAsciiDigit(c)));
            Assert.True(digits[0] == '4' || (digits[0] == '5' && digits[1] is >= '1' and <= '5'), "unexpected prefix");
            Assert.True(PassesLuhn(digits), card.TicketId + " has a card failing Luhn");
        }
        Assert.False(PassesLuhn("4111111111111112"));
    }

    [Fact]
    public void Ibans_have_valid_mod97_check_digits()
    {
        var ibans = Data.PlantedPii.Where(p => p.Type == PiiTypes.Iban).ToList();
        Assert.NotEmpty(ibans);
        foreach (PlantedPiiValue iban in ibans)
        {
            string compact = iban.Value.Replace(" ", "", StringComparison.Ordinal);
            Assert.True(compact.StartsWith("FR", StringComparison.Ordinal) ? compact.Length == 27 : compact.StartsWith("DE", StringComparison.Ordinal) && compact.Length == 22);
            Assert.Equal(1, Mod97(compact));
        }
        Assert.NotEqual(1, Mod97("FR7630006000011234567890188"));
    }

    [Fact]
    public void Knowledge_base_covers_every_category_with_useful_articles()
    {
        Assert.True(Data.Articles.Count >= 40);
        foreach (string category in TicketCategories.All)
        {
            Assert.True(Data.Articles.Count(a => a.Category == category) >= 5, category);
        }
        Assert.Contains(Data.Articles, a => a.Language == "fr");
        Assert.Equal(Data.Articles.Count, Data.Articles.Select(a => a.FileName).Distinct().Count());

        var piiValues = Data.PlantedPii.Select(p => p.Value).ToHashSet();
        foreach (KnowledgeBaseArticle article in Data.Articles)
        {
            int paragraphs = article.Markdown.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.InRange(paragraphs, 3, 6);
            Assert.DoesNotContain('@', article.Markdown);
            Assert.DoesNotContain(piiValues, v => article.Markdown.Contains(v, StringComparison.Ordinal));
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", article.Slug);
        }
    }

    [Fact]
    public void Reader_reads_back_exactly_what_was_written()
    {
        TicketDataGenerator.WriteTo(_temp);

        TicketDataReadResult<TicketDataSet> result = TicketDataReader.ReadDataSet(_temp);

        Assert.True(result.IsComplete, string.Join("; ", result.Errors));
        TicketDataSet read = Assert.Single(result.Records);
        Assert.Null(read.Seed);
        Assert.Equal(Data.Train, read.Train);
        Assert.Equal(Data.Golden, read.Golden);
        Assert.Equal(Data.PlantedPii, read.PlantedPii);
        Assert.Equal(Data.Articles, read.Articles);
    }

    [Fact]
    public void Reader_reports_bad_lines_by_file_and_line_and_keeps_the_good_records()
    {
        Directory.CreateDirectory(_temp);
        string path = Path.Combine(_temp, "tickets.golden.jsonl");
        string good1 = """{"id":"T0001","subject":"s","body":"b","language":"en","category":"billing","priority":"low","noise":"clean","other_category":null,"customer_name":"Ann Example","channel":"email"}""";
        string good2 = """{"id":"T0002","subject":"s","body":"b","language":"fr","category":"refund","priority":"high"}""";
        string broken = """{"id":"T0003","subject":"call 06 12 34 56 78","body":""";
        string missingCategory = """{"id":"T0004","subject":"s","body":"b","language":"en","priority":"low"}""";
        File.WriteAllText(path, string.Join("\n", good1, broken, "", missingCategory, "[1,2]", good2) + "\n");

        TicketDataReadResult<TicketRecord> result = TicketDataReader.ReadTickets(path);

        Assert.Equal(["T0001", "T0002"], result.Records.Select(r => r.Id));
        Assert.Equal(TicketNoise.Clean, result.Records[1].Noise);
        Assert.False(result.IsComplete);
        Assert.Equal([2, 4, 5], result.Errors.Select(e => e.Line));
        Assert.All(result.Errors, e => Assert.Equal("tickets.golden.jsonl", e.File));
        Assert.Contains("category", result.Errors[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("tickets.golden.jsonl:2: ", result.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Errors, e => e.ToString().Contains("06 12", StringComparison.Ordinal));
    }

    [Fact]
    public void Reader_reports_an_article_without_front_matter_and_reads_the_others()
    {
        TicketDataGenerator.WriteTo(_temp);
        string kb = Path.Combine(_temp, "kb");
        File.WriteAllText(Path.Combine(kb, "KB999-broken.md"), "# No front matter\n\nText.\n");

        TicketDataReadResult<KnowledgeBaseArticle> result = TicketDataReader.ReadArticles(kb);

        Assert.Equal(Data.Articles, result.Records);
        TicketDataLineError error = Assert.Single(result.Errors);
        Assert.Equal(("KB999-broken.md", 1), (error.File, error.Line));
    }

    private static bool PassesLuhn(string digits)
    {
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static int Mod97(string iban)
    {
        string rearranged = iban[4..] + iban[..4];
        var numeric = new StringBuilder();
        foreach (char c in rearranged)
        {
            numeric.Append(char.IsAsciiDigit(c) ? (c - '0').ToString(System.Globalization.CultureInfo.InvariantCulture) : (c - 'A' + 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return (int)(System.Numerics.BigInteger.Parse(numeric.ToString(), System.Globalization.CultureInfo.InvariantCulture) % 97);
    }
}
