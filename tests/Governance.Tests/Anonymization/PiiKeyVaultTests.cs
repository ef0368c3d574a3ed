using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HybridAI.Governance.Tests.Anonymization;

public class PiiKeyVaultTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly byte[] _master = PiiKeyVault.CreateMasterKey();

    private string VaultFile => _dir.File("pii-keys.db");

    private static Anonymizer Encrypting(PiiKeyVault keys) => new(PiiDetector.CreateDefault(), new AnonymizerOptions { Default = PiiOperator.Encrypt() }, keys);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Encrypted_values_are_tokens_that_only_the_vault_reads_back()
    {
        using var keys = new PiiKeyVault(VaultFile, _master);
        var anonymizer = Encrypting(keys);
        var scope = new PiiVault();
        var text = anonymizer.Anonymize("Mail jean.dupont@example.fr, account FR76 3000 6000 0112 3456 7890 189", scope, subject: "customer-42");
        Assert.Matches(@"^Mail <ENC:EMAIL:[A-Za-z0-9_-]+>, account <ENC:IBAN:[A-Za-z0-9_-]+>$", text);
        Assert.DoesNotContain("dupont", text, StringComparison.Ordinal);
        Assert.Equal("Mail jean.dupont@example.fr, account FR76 3000 6000 0112 3456 7890 189", anonymizer.Reidentify(text, new PiiVault()));
        var token = text.Substring(5, text.IndexOf('>') - 4);
        Assert.Equal("jean.dupont@example.fr", keys.Decrypt(token));
    }

    [Fact]
    public void The_same_value_of_the_same_subject_gets_the_same_token_and_another_subject_another()
    {
        using var keys = new PiiKeyVault(VaultFile, _master);
        var anonymizer = Encrypting(keys);
        var a = anonymizer.Anonymize("jean@example.fr", new PiiVault(), "customer-42");
        var b = anonymizer.Anonymize("jean@example.fr", new PiiVault(), "customer-42");
        var c = anonymizer.Anonymize("jean@example.fr", new PiiVault(), "customer-43");
        var d = anonymizer.Anonymize("paul@example.fr", new PiiVault(), "customer-42");
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, d);
    }

    [Fact]
    public void Another_vault_instance_on_the_same_file_decrypts()
    {
        string text;
        using (var keys = new PiiKeyVault(VaultFile, _master))
            text = Encrypting(keys).Anonymize("call 06 12 34 56 78", new PiiVault(), "customer-42");
        using var reopened = new PiiKeyVault(VaultFile, [.. _master]);
        Assert.Equal("call 06 12 34 56 78", Encrypting(reopened).Reidentify(text, new PiiVault()));
    }

    [Fact]
    public void A_wrong_master_key_is_refused_by_name_of_the_file()
    {
        using (new PiiKeyVault(VaultFile, _master))
        {
        }
        var error = Assert.Throws<PiiVaultException>(() => new PiiKeyVault(VaultFile, PiiKeyVault.CreateMasterKey()));
        Assert.Contains(VaultFile, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new PiiKeyVault(VaultFile, new byte[16]));
    }

    [Fact]
    public async Task Erasing_a_subject_makes_its_tokens_unrecoverable_and_names_only_its_handle()
    {
        using var keys = new PiiKeyVault(VaultFile, _master);
        var anonymizer = Encrypting(keys);
        const string subject = "marie.curie@example.org"; // a subject id that is itself personal
        var erased = anonymizer.Anonymize("IBAN FR76 3000 6000 0112 3456 7890 189", new PiiVault(), subject);
        var kept = anonymizer.Anonymize("IBAN DE89 3704 0044 0532 0130 00", new PiiVault(), "customer-7");
        var token = erased[5..];

        Assert.True(await keys.EraseSubjectAsync(subject));
        Assert.False(await keys.EraseSubjectAsync(subject));

        var error = Assert.Throws<PiiVaultException>(() => keys.Decrypt(token));
        Assert.Equal(keys.HandleOf(subject), error.SubjectHandle);
        Assert.Matches("^subj_[0-9a-f]{24}$", error.SubjectHandle);
        Assert.Contains(error.SubjectHandle!, error.Message, StringComparison.Ordinal);
        Assert.Contains("erased", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("marie", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("FR76", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);

        // Re-identification leaves the erased token as it is and still opens the other subject's.
        Assert.Equal(erased, anonymizer.Reidentify(erased, new PiiVault()));
        Assert.Equal("IBAN DE89 3704 0044 0532 0130 00", anonymizer.Reidentify(kept, new PiiVault()));

        // Another process sees the erasure too.
        using var other = new PiiKeyVault(VaultFile, _master);
        Assert.Throws<PiiVaultException>(() => other.Decrypt(token));

        // New data of the same subject gets a new key; the old token stays unrecoverable.
        var again = anonymizer.Anonymize("IBAN FR76 3000 6000 0112 3456 7890 189", new PiiVault(), subject);
        Assert.NotEqual(erased, again);
        Assert.Equal("IBAN FR76 3000 6000 0112 3456 7890 189", anonymizer.Reidentify(again, new PiiVault()));
        Assert.Throws<PiiVaultException>(() => keys.Decrypt(token));
    }

    [Fact]
    public async Task An_erased_key_leaves_no_bytes_in_the_file()
    {
        byte[] wrapped;
        using (var keys = new PiiKeyVault(VaultFile, _master))
        {
            Encrypting(keys).Anonymize("jean@example.fr", new PiiVault(), "customer-42");
            wrapped = ReadWrappedKeys().Single();
            await keys.EraseSubjectAsync("customer-42");
        }
        Assert.Empty(ReadWrappedKeys());
        var file = File.ReadAllBytes(VaultFile);
        var wal = File.Exists(VaultFile + "-wal") ? File.ReadAllBytes(VaultFile + "-wal") : [];
        Assert.Equal(-1, file.AsSpan().IndexOf(wrapped));
        Assert.Equal(-1, wal.AsSpan().IndexOf(wrapped));
    }

    [Fact]
    public void Altered_and_foreign_tokens_fail_with_messages_that_quote_nothing()
    {
        using var keys = new PiiKeyVault(VaultFile, _master);
        var token = Encrypting(keys).Anonymize("jean.dupont@example.fr", new PiiVault(), "customer-42");
        var middle = token.Length / 2;
        var altered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];
        var relabelled = token.Replace("<ENC:EMAIL:", "<ENC:PHONE:", StringComparison.Ordinal);

        using var foreign = new PiiKeyVault(_dir.File("other.db"), PiiKeyVault.CreateMasterKey());
        var errors = new[]
        {
            Assert.Throws<PiiVaultException>(() => keys.Decrypt(altered)),
            Assert.Throws<PiiVaultException>(() => keys.Decrypt(relabelled)),
            Assert.Throws<PiiVaultException>(() => foreign.Decrypt(token)),
            Assert.Throws<PiiVaultException>(() => keys.Decrypt("jean.dupont@example.fr")),
            Assert.Throws<PiiVaultException>(() => keys.Decrypt("<ENC:EMAIL:jean.dupont@example.fr>")),
            Assert.Throws<PiiVaultException>(() => keys.Decrypt("<ENC:EMAIL:amVhbi5kdXBvbnRAZXhhbXBsZS5mcg>")),
        };
        foreach (var error in errors)
        {
            Assert.DoesNotContain("dupont", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(token[11..^1], error.Message, StringComparison.Ordinal);
        }
        Assert.Contains("altered", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("another vault", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_without_a_subject_are_each_their_own_subject()
    {
        using var keys = new PiiKeyVault(VaultFile, _master);
        var anonymizer = Encrypting(keys);
        var text = anonymizer.Anonymize("jean@example.fr and paul@example.fr", new PiiVault());
        await keys.EraseSubjectAsync(keys.SubjectOf(PiiTypes.Email, "jean@example.fr"));
        var back = anonymizer.Reidentify(text, new PiiVault());
        Assert.StartsWith("<ENC:EMAIL:", back, StringComparison.Ordinal);
        Assert.EndsWith(" and paul@example.fr", back, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokens_from_an_earlier_turn_pass_a_second_anonymization_untouched()
    {
        using var keys = new PiiKeyVault(VaultFile, _master);
        var anonymizer = Encrypting(keys);
        var scope = new PiiVault();
        var turn = anonymizer.Anonymize("Mail jean@example.fr, call 06 12 34 56 78", scope, "customer-42");
        // The history is sent again with a new message: the old tokens must stay whole and readable.
        var again = anonymizer.Anonymize(turn + "\nAlso paul@example.fr", scope, "customer-42");
        Assert.StartsWith(turn + "\nAlso <ENC:EMAIL:", again, StringComparison.Ordinal);
        Assert.Equal("Mail jean@example.fr, call 06 12 34 56 78\nAlso paul@example.fr", anonymizer.Reidentify(again, scope));
    }

    private List<byte[]> ReadWrappedKeys()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = VaultFile, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT wrapped FROM subject_keys";
        using var reader = command.ExecuteReader();
        var result = new List<byte[]>();
        while (reader.Read())
            result.Add((byte[])reader[0]);
        return result;
    }
}
