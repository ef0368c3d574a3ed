using System.Text;
using System.Text.Json;
using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;

namespace HybridAI.Governance.Tests.Anonymization;

public class StreamingAnonymizerTests
{
    private static readonly Anonymizer Anonymizer = new(PiiDetector.CreateDefault());

    private static List<string> Stream(IEnumerable<string> chunks, PiiVault scope, int holdBack = StreamingAnonymizer.DefaultHoldBack, bool reidentify = false)
    {
        var stream = Anonymizer.BeginStream(scope, reidentify: reidentify, holdBack: holdBack);
        var released = chunks.Select(c => stream.Push(c)).ToList();
        released.Add(stream.Complete());
        return released;
    }

    private static void AssertNoFragment(IEnumerable<string> released, IEnumerable<string> values, string where)
    {
        foreach (var chunk in released)
        {
            foreach (var fragment in Samples.Fragments(values))
                Assert.False(chunk.Contains(fragment, StringComparison.Ordinal), $"{where}: a released chunk holds part of a planted value");
        }
    }

    [Theory]
    [InlineData(StreamingAnonymizer.DefaultHoldBack)]
    [InlineData(64)]
    public void A_split_at_every_offset_releases_the_masked_whole_text_and_no_raw_value(int holdBack)
    {
        var text = Samples.Letter;
        var expected = Anonymizer.Anonymize(text, new PiiVault());
        Assert.Equal(expected, Anonymizer.ProcessAnswer(text, new PiiVault()));
        foreach (var value in Samples.LetterValues)
            Assert.DoesNotContain(value, expected, StringComparison.Ordinal);
        for (var at = 0; at <= text.Length; at++)
        {
            var released = Stream([text[..at], text[at..]], new PiiVault(), holdBack);
            Assert.Equal(expected, string.Concat(released));
            AssertNoFragment(released, Samples.LetterValues, $"split at {at}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public void Small_chunks_of_every_phase_release_the_masked_whole_text(int size)
    {
        var text = string.Concat(Enumerable.Repeat(Samples.Letter + "\n\n", 3));
        var expected = Anonymizer.Anonymize(text, new PiiVault());
        for (var phase = 0; phase < size; phase++)
        {
            var chunks = new List<string> { text[..phase] };
            for (var i = phase; i < text.Length; i += size)
                chunks.Add(text.Substring(i, Math.Min(size, text.Length - i)));
            var released = Stream(chunks, new PiiVault(), holdBack: 64);
            Assert.Equal(expected, string.Concat(released));
            AssertNoFragment(released, Samples.LetterValues, $"chunks of {size}, phase {phase}");
        }
    }

    [Fact]
    public void An_email_split_across_chunks_is_caught_before_any_part_is_released()
    {
        var stream = Anonymizer.BeginStream(new PiiVault(), holdBack: 16);
        var released = new StringBuilder();
        released.Append(stream.Push("Please reply to jean.dup"));
        Assert.DoesNotContain("jean", released.ToString(), StringComparison.Ordinal);
        released.Append(stream.Push("ont@example.fr as soon as you can, thanks a lot for everything"));
        released.Append(stream.Complete());
        Assert.Equal("Please reply to <EMAIL_1> as soon as you can, thanks a lot for everything", released.ToString());
    }

    [Fact]
    public void Placeholders_split_across_chunks_are_reidentified_and_new_values_masked()
    {
        var scope = new PiiVault();
        var prompt = Anonymizer.Anonymize("Bonjour, je m'appelle Marie Dupont, mail marie@example.fr", scope);
        Assert.Equal("Bonjour, je m'appelle <PERSON_1>, mail <EMAIL_1>", prompt);
        const string answer = "Dear <PERSON_1>, we will write to <EMAIL_1> and copy support.desk@example.com today.";
        var expected = "Dear Marie Dupont, we will write to marie@example.fr and copy <EMAIL_2> today.";
        for (var at = 0; at <= answer.Length; at++)
        {
            var copy = new PiiVault();
            Anonymizer.Anonymize("Bonjour, je m'appelle Marie Dupont, mail marie@example.fr", copy);
            Assert.Equal(expected, string.Concat(Stream([answer[..at], answer[at..]], copy, holdBack: 32, reidentify: true)));
        }
        Assert.Equal(expected, Anonymizer.ProcessAnswer(answer, scope, reidentify: true));
        Assert.Equal("Dear <PERSON_1>, we will write to <EMAIL_1> and copy <EMAIL_2> today.", Anonymizer.ProcessAnswer(answer, scope));
    }

    [Fact]
    public void Every_scenario_ticket_streamed_in_random_chunks_equals_the_whole_text_masked()
    {
        var random = new Random(20260301);
        var tickets = ScenarioTickets().ToList();
        Assert.True(tickets.Count >= 500);
        var mismatches = new List<string>();
        foreach (var (id, text) in tickets)
        {
            var expected = Anonymizer.ProcessAnswer(text, new PiiVault());
            var chunks = new List<string>();
            for (var i = 0; i < text.Length;)
            {
                var n = Math.Min(text.Length - i, random.Next(1, 12));
                chunks.Add(text.Substring(i, n));
                i += n;
            }
            if (string.Concat(Stream(chunks, new PiiVault(), holdBack: 64)) != expected)
                mismatches.Add(id);
        }
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} tickets differ when streamed: {string.Join(", ", mismatches.Take(20))}");
    }

    [Fact]
    public void A_long_answer_is_released_as_it_streams_not_all_at_the_end()
    {
        var stream = Anonymizer.BeginStream(new PiiVault());
        var releasedBeforeEnd = 0;
        var sentence = "The parcel left the warehouse and should arrive on time. ";
        for (var i = 0; i < 200; i++)
            releasedBeforeEnd += stream.Push(sentence).Length;
        Assert.True(stream.Held <= stream.HoldBack + stream.HoldBack / 4 + sentence.Length, $"held {stream.Held}");
        Assert.Equal(sentence.Length * 200, releasedBeforeEnd + stream.Complete().Length);
        Assert.Throws<InvalidOperationException>(() => stream.Push("more"));
    }

    private static IEnumerable<(string Id, string Text)> ScenarioTickets()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HybridAI.sln")))
            dir = dir.Parent;
        foreach (var name in new[] { "tickets.golden.jsonl", "tickets.train.jsonl" })
        {
            foreach (var line in File.ReadLines(Path.Combine(dir!.FullName, "samples", "scenarios", "01-ticket-triage", "data", name)))
            {
                var r = JsonDocument.Parse(line).RootElement;
                yield return (r.GetProperty("id").GetString()!, r.GetProperty("subject").GetString() + "\n" + r.GetProperty("body").GetString());
            }
        }
    }
}
