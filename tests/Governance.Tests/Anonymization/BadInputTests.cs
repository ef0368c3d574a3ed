using System.Text;
using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Anonymization;

public class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Flags every run of non-space characters holding a surrogate, to put lone surrogates inside values.</summary>
    private sealed class SurrogateWords : IPiiDetector
    {
        public IReadOnlyList<PiiFinding> Detect(string text)
        {
            var found = new List<PiiFinding>();
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] != ' ')
                    continue;
                if (text.AsSpan(start, i - start).IndexOfAnyInRange('\uD800', '\uDFFF') >= 0)
                    found.Add(new PiiFinding("SECRET", start, i - start, 1, "test"));
                start = i + 1;
            }
            return found;
        }
    }

    [Fact]
    public void Lone_surrogates_in_text_are_kept_as_they_are_and_the_result_is_deterministic()
    {
        var anonymizer = new Anonymizer(PiiDetector.CreateDefault());
        const string text = "Mail jean@example.fr \uD800 and x\uDC00y, I'm John Smith \uDBFF";
        var once = anonymizer.Anonymize(text, new PiiVault());
        Assert.Equal("Mail <EMAIL_1> \uD800 and x\uDC00y, I'm <PERSON_1> \uDBFF", once);
        Assert.Equal(once, anonymizer.Anonymize(text, new PiiVault()));
        Assert.Equal(text, anonymizer.Reidentify(once, new PiiVault().Also(anonymizer, text)));
    }

    [Fact]
    public void Values_with_lone_surrogates_encrypt_exactly_hash_deterministically_and_mask_fully()
    {
        using var keys = new PiiKeyVault(_dir.File("keys.db"), PiiKeyVault.CreateMasterKey());
        const string text = "a\uD800b c\uD83D\uDE00d e\uDC00";
        var encrypt = new Anonymizer(new SurrogateWords(), new AnonymizerOptions { Default = PiiOperator.Encrypt() }, keys);
        var tokens = encrypt.Anonymize(text, new PiiVault());
        Assert.Matches(@"^<ENC:SECRET:[A-Za-z0-9_-]+> <ENC:SECRET:[A-Za-z0-9_-]+> <ENC:SECRET:[A-Za-z0-9_-]+>$", tokens);
        Assert.Equal(text, encrypt.Reidentify(tokens, new PiiVault()));

        var hash = new Anonymizer(new SurrogateWords(), new AnonymizerOptions { Default = PiiOperator.Hash() }, keys);
        Assert.Equal(hash.Anonymize(text, new PiiVault()), hash.Anonymize(text, new PiiVault()));

        var mask = new Anonymizer(new SurrogateWords(), new AnonymizerOptions { Default = PiiOperator.Mask(keepLast: 0) });
        Assert.Equal("*** **** **", mask.Anonymize(text, new PiiVault()));
    }

    [Fact]
    public void A_stream_never_releases_half_a_surrogate_pair()
    {
        var anonymizer = new Anonymizer(PiiDetector.CreateDefault());
        var emoji = string.Concat(Enumerable.Repeat("\uD83D\uDE00", 200)); // one 400-char word: the cut is forced inside it
        var text = "Smile " + emoji + " from jean@example.fr";
        for (var at = 0; at <= text.Length; at += 7)
        {
            var stream = anonymizer.BeginStream(new PiiVault(), holdBack: 32);
            var released = new List<string> { stream.Push(text.AsSpan(0, at)), stream.Push(text.AsSpan(at)), stream.Complete() };
            Assert.Equal(anonymizer.Anonymize(text, new PiiVault()), string.Concat(released));
            foreach (var piece in released.Where(p => p.Length > 0))
            {
                Assert.False(char.IsHighSurrogate(piece[^1]), $"split at {at}: a piece ends inside a pair");
                Assert.False(char.IsLowSurrogate(piece[0]), $"split at {at}: a piece starts inside a pair");
            }
        }
    }

    [Fact]
    public void Twenty_megabytes_are_anonymized_and_streamed_whole()
    {
        var line = "Ticket 1042: the customer Marie Dupont (marie.dupont@example.fr, 06 12 34 56 78) was charged twice for order A-77. ";
        var builder = new StringBuilder(20 * 1024 * 1024 + line.Length);
        while (builder.Length < 20 * 1024 * 1024)
            builder.Append(line);
        var text = builder.ToString();
        var repeats = text.Length / line.Length;
        var anonymizer = new Anonymizer(PiiDetector.CreateDefault());

        var masked = anonymizer.Anonymize(text, new PiiVault());
        Assert.DoesNotContain("dupont", masked, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("56 78", masked, StringComparison.Ordinal);
        Assert.Equal(repeats, Count(masked, "<EMAIL_1>"));

        // Streamed in 4 KiB pieces, the same text comes out.
        var stream = anonymizer.BeginStream(new PiiVault());
        var output = new StringBuilder(masked.Length);
        for (var i = 0; i < text.Length; i += 4096)
            output.Append(stream.Push(text.AsSpan(i, Math.Min(4096, text.Length - i))));
        output.Append(stream.Complete());
        Assert.Equal(masked, output.ToString());
    }

    [Fact]
    public void Errors_never_quote_the_input()
    {
        using var keys = new PiiKeyVault(_dir.File("keys.db"), PiiKeyVault.CreateMasterKey());
        const string secret = "jean.dupont@example.fr";
        var messages = new List<string>
        {
            Assert.Throws<PiiVaultException>(() => keys.Decrypt(secret)).Message,
            Assert.Throws<PiiVaultException>(() => keys.Decrypt("<ENC:EMAIL:" + secret + ">")).Message,
            Assert.Throws<PiiVaultException>(() => keys.Decrypt("<ENC:EMAIL:" + new string('A', 20_000) + secret + ">")).Message,
            Assert.Throws<PiiVaultException>(() => keys.OpenScope(Encoding.UTF8.GetBytes(secret + secret))).Message,
            Assert.Throws<PiiVaultException>(() => new PiiKeyVault(_dir.File("keys.db"), PiiKeyVault.CreateMasterKey())).Message,
        };
        foreach (var message in messages)
        {
            Assert.DoesNotContain("dupont", message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("AAAA", message, StringComparison.Ordinal);
        }
    }

    private static int Count(string text, string value)
    {
        var n = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            n++;
        return n;
    }
}

internal static class ScopeTestExtensions
{
    /// <summary>Fills <paramref name="scope"/> by anonymizing <paramref name="text"/> once; returns it.</summary>
    public static PiiVault Also(this PiiVault scope, Anonymizer anonymizer, string text)
    {
        anonymizer.Anonymize(text, scope);
        return scope;
    }
}
