using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Anonymization;

/// <summary>A conversation's pseudonyms sealed in one process (a checkpoint) and opened in another.</summary>
public class SealedScopeTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly byte[] _master = PiiKeyVault.CreateMasterKey();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_second_instance_reidentifies_and_continues_the_numbering()
    {
        byte[] sealedScope;
        string masked;
        using (var keys = new PiiKeyVault(_dir.File("keys.db"), _master))
        {
            var scope = new PiiVault();
            masked = new Anonymizer(PiiDetector.CreateDefault(), keys: keys).Anonymize(
                "Hello, my name is John Smith, mail john@example.com", scope, subject: "customer-42");
            sealedScope = keys.SealScope(scope);
        }
        Assert.Equal("Hello, my name is <PERSON_1>, mail <EMAIL_1>", masked);
        var bytes = System.Text.Encoding.UTF8.GetString(sealedScope) + Convert.ToHexString(sealedScope);
        Assert.DoesNotContain("John", bytes, StringComparison.Ordinal);
        Assert.DoesNotContain("PERSON", bytes, StringComparison.Ordinal);

        using var resumed = new PiiKeyVault(_dir.File("keys.db"), _master);
        var opened = resumed.OpenScope(sealedScope);
        var anonymizer = new Anonymizer(PiiDetector.CreateDefault(), keys: resumed);
        Assert.Equal("Dear John Smith, we wrote to john@example.com.", anonymizer.Reidentify("Dear <PERSON_1>, we wrote to <EMAIL_1>.", opened));
        Assert.Equal("<EMAIL_1> or <EMAIL_2>", anonymizer.Anonymize("john@example.com or jane@example.com", opened));
    }

    [Fact]
    public async Task Erasing_a_subject_removes_its_entries_from_sealed_scopes()
    {
        using var keys = new PiiKeyVault(_dir.File("keys.db"), _master);
        var anonymizer = new Anonymizer(PiiDetector.CreateDefault(), keys: keys);
        var scope = new PiiVault();
        anonymizer.Anonymize("my name is John Smith", scope, subject: "customer-42");
        anonymizer.Anonymize("mail jane@example.com", scope, subject: "customer-7");
        var sealedScope = keys.SealScope(scope);

        await keys.EraseSubjectAsync("customer-42");
        var opened = keys.OpenScope(sealedScope);
        Assert.Equal("<PERSON_1> and jane@example.com", anonymizer.Reidentify("<PERSON_1> and <EMAIL_1>", opened));
        // The erased person's number is not handed to someone else.
        Assert.Equal("<PERSON_2>", anonymizer.Anonymize("my name is Paul Martin", opened)[11..]);
    }

    [Fact]
    public void An_altered_or_foreign_sealed_scope_is_refused()
    {
        using var keys = new PiiKeyVault(_dir.File("keys.db"), _master);
        var scope = new PiiVault();
        new Anonymizer(PiiDetector.CreateDefault(), keys: keys).Anonymize("mail john@example.com", scope);
        var sealedScope = keys.SealScope(scope);
        sealedScope[sealedScope.Length / 2] ^= 1;
        Assert.Throws<PiiVaultException>(() => keys.OpenScope(sealedScope));
        Assert.Throws<PiiVaultException>(() => keys.OpenScope(new byte[3]));
        using var foreign = new PiiKeyVault(_dir.File("other.db"), PiiKeyVault.CreateMasterKey());
        sealedScope[sealedScope.Length / 2] ^= 1;
        Assert.Throws<PiiVaultException>(() => foreign.OpenScope(sealedScope));
    }
}
