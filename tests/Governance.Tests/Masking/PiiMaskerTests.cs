using HybridAI.Governance.Masking;

namespace HybridAI.Governance.Tests.Masking;

public class PiiMaskerTests
{
    private static readonly PiiMasker Masker = PiiMasker.CreateDefault();

    [Fact]
    public void Masks_with_typed_numbered_placeholders()
    {
        var masked = Masker.Mask("Hello, my name is John Smith, mail john@example.com or jane@example.com");
        Assert.Equal("Hello, my name is <PERSON_1>, mail <EMAIL_1> or <EMAIL_2>", masked.Text);
        Assert.Equal(3, masked.Vault.Count);
    }

    [Fact]
    public void Same_value_gets_the_same_placeholder_across_texts_of_a_run()
    {
        var vault = new PiiVault();
        var first = Masker.Mask("Bonjour, je m'appelle Marie Dupont, tél 06 12 34 56 78", vault);
        var second = Masker.Mask("Rappeler au 06 12 34 56 78.\nCordialement,\nMarie Dupont", vault);
        Assert.Equal("Bonjour, je m'appelle <PERSON_1>, tél <PHONE_1>", first);
        Assert.Equal("Rappeler au <PHONE_1>.\nCordialement,\n<PERSON_1>", second);
    }

    [Fact]
    public void Unmask_restores_the_original_text()
    {
        const string original = "Dear Mr. Thornbury, your card 4111 1111 1111 1111 and IBAN DE89 3704 0044 0532 0130 00 are on file.";
        var masked = Masker.Mask(original);
        Assert.DoesNotContain("Thornbury", masked.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", masked.Text, StringComparison.Ordinal);
        Assert.Equal(original, masked.Vault.Unmask(masked.Text));
    }

    [Fact]
    public void Unmask_puts_values_into_a_new_reply_and_leaves_unknown_placeholders()
    {
        var masked = Masker.Mask("I'm Sophie Wagner, sophie@example.org");
        var reply = masked.Vault.Unmask("Hi <PERSON_1>, we wrote to <EMAIL_1>. <PHONE_9> and a < sign stay.");
        Assert.Equal("Hi Sophie Wagner, we wrote to sophie@example.org. <PHONE_9> and a < sign stay.", reply);
    }

    [Fact]
    public void Text_without_pii_is_returned_as_is()
    {
        const string text = "The printer is broken.";
        Assert.Same(text, Masker.Mask(text, new PiiVault()));
    }

    [Fact]
    public void Vault_never_shows_values()
    {
        var masked = Masker.Mask("mail john@example.com");
        Assert.DoesNotContain("john", masked.Vault.ToString(), StringComparison.Ordinal);
        Assert.True(masked.Vault.TryGetOriginal("<EMAIL_1>", out var original));
        Assert.Equal("john@example.com", original);
    }
}
