using HybridAI.Abstractions.Privacy;
using HybridAI.Governance.Anonymization;
using HybridAI.Governance.Masking;
using HybridAI.Governance.Pii;
using HybridAI.Governance.Tests.Support;

namespace HybridAI.Governance.Tests.Anonymization;

public class OperatorTests
{
    private static readonly PiiDetector Detector = PiiDetector.CreateDefault();
    private static readonly byte[] HashKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    private static Anonymizer With(string type, PiiOperator op, PiiKeyVault? keys = null, byte[]? hashKey = null)
    {
        var options = new AnonymizerOptions { HashKey = hashKey };
        options.Operators[type] = op;
        return new Anonymizer(Detector, options, keys);
    }

    [Fact]
    public void Default_is_the_typed_numbered_placeholder_consistent_across_messages()
    {
        var anonymizer = new Anonymizer(Detector);
        var scope = new PiiVault();
        var first = anonymizer.Anonymize("Hello, my name is John Smith, mail john@example.com", scope);
        var second = anonymizer.Anonymize("I'm John Smith again; also jane@example.com and john@example.com", scope);
        Assert.Equal("Hello, my name is <PERSON_1>, mail <EMAIL_1>", first);
        Assert.Equal("I'm <PERSON_1> again; also <EMAIL_2> and <EMAIL_1>", second);
        Assert.Equal("Dear John Smith, we wrote to jane@example.com.", anonymizer.Reidentify("Dear <PERSON_1>, we wrote to <EMAIL_2>.", scope));
    }

    [Fact]
    public void Mask_keeps_the_last_digits_and_the_separators_of_a_card()
    {
        var text = With(PiiTypes.CreditCard, PiiOperator.Mask()).Anonymize("card 4111 1111 1111 1111 please", new PiiVault());
        Assert.Equal("card **** **** **** 1111 please", text);
        var none = With(PiiTypes.CreditCard, PiiOperator.Mask(keepLast: 0, maskChar: '#')).Anonymize("card 4111-1111-1111-1111", new PiiVault());
        Assert.Equal("card ####-####-####-####", none);
    }

    [Fact]
    public void Mask_keeps_an_emails_first_letter_and_domain()
    {
        var text = With(PiiTypes.Email, PiiOperator.Mask()).Anonymize("write to jean.dupont@example.fr", new PiiVault());
        Assert.Equal("write to j***@example.fr", text);
    }

    [Fact]
    public void Redact_writes_the_bare_type_and_remove_writes_nothing()
    {
        Assert.Equal("pay to <IBAN>.", With(PiiTypes.Iban, PiiOperator.Redact()).Anonymize("pay to DE89 3704 0044 0532 0130 00.", new PiiVault()));
        Assert.Equal("pay to .", With(PiiTypes.Iban, PiiOperator.Remove()).Anonymize("pay to DE89 3704 0044 0532 0130 00.", new PiiVault()));
    }

    [Fact]
    public void Hash_is_deterministic_for_one_key_and_differs_between_keys_and_values()
    {
        var a = With(PiiTypes.Email, PiiOperator.Hash(), hashKey: HashKey).Anonymize("mail john@example.com", new PiiVault());
        var again = With(PiiTypes.Email, PiiOperator.Hash(), hashKey: [.. HashKey]).Anonymize("reach john@example.com", new PiiVault());
        var other = With(PiiTypes.Email, PiiOperator.Hash(), hashKey: [.. HashKey.Reverse()]).Anonymize("mail john@example.com", new PiiVault());
        var otherValue = With(PiiTypes.Email, PiiOperator.Hash(), hashKey: HashKey).Anonymize("mail jane@example.com", new PiiVault());
        Assert.Matches("^mail <EMAIL:[0-9a-f]{16}>$", a);
        Assert.Equal(a[5..], again[6..]);
        Assert.NotEqual(a, other);
        Assert.NotEqual(a, otherValue);
        Assert.Matches("^mail <EMAIL:[0-9a-f]{64}>$", With(PiiTypes.Email, PiiOperator.Hash(64), hashKey: HashKey).Anonymize("mail john@example.com", new PiiVault()));
    }

    [Fact]
    public void Hash_with_the_key_vaults_key_is_stable_across_vault_instances()
    {
        using var dir = new TempDirectory();
        var master = PiiKeyVault.CreateMasterKey();
        string first, second;
        using (var keys = new PiiKeyVault(dir.File("keys.db"), master))
            first = With(PiiTypes.Email, PiiOperator.Hash(), keys).Anonymize("john@example.com", new PiiVault());
        using (var keys = new PiiKeyVault(dir.File("keys.db"), master))
            second = With(PiiTypes.Email, PiiOperator.Hash(), keys).Anonymize("john@example.com", new PiiVault());
        Assert.Equal(first, second);
    }

    [Fact]
    public void Irreversible_operators_stay_as_written_on_reidentify()
    {
        var options = new AnonymizerOptions { HashKey = HashKey };
        options.Operators[PiiTypes.CreditCard] = PiiOperator.Mask();
        options.Operators[PiiTypes.Email] = PiiOperator.Hash();
        options.Operators[PiiTypes.Iban] = PiiOperator.Redact();
        var anonymizer = new Anonymizer(Detector, options);
        var scope = new PiiVault();
        var text = anonymizer.Anonymize("I'm John Smith: 4111 1111 1111 1111, john@example.com, DE89 3704 0044 0532 0130 00", scope);
        Assert.StartsWith("I'm <PERSON_1>: **** **** **** 1111, <EMAIL:", text, StringComparison.Ordinal);
        Assert.EndsWith(", <IBAN>", text, StringComparison.Ordinal);
        var back = anonymizer.Reidentify(text, scope);
        Assert.Equal(text.Replace("<PERSON_1>", "John Smith", StringComparison.Ordinal), back);
    }

    [Fact]
    public void Options_name_the_operator_and_type_that_lack_a_key()
    {
        var encrypt = Assert.Throws<ArgumentException>(() => With(PiiTypes.Iban, PiiOperator.Encrypt()));
        Assert.Contains("encrypt", encrypt.Message, StringComparison.Ordinal);
        Assert.Contains("IBAN", encrypt.Message, StringComparison.Ordinal);
        var hash = Assert.Throws<ArgumentException>(() => With(PiiTypes.Email, PiiOperator.Hash()));
        Assert.Contains("HashKey", hash.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => With(PiiTypes.Email, PiiOperator.Hash(), hashKey: new byte[8]));
        Assert.Throws<ArgumentOutOfRangeException>(() => PiiOperator.Hash(7));
        Assert.Throws<ArgumentOutOfRangeException>(() => PiiOperator.Mask(-1));
        Assert.Throws<ArgumentException>(() => PiiOperator.Mask(maskChar: '\uD800'));
    }

    [Fact]
    public void Options_are_copied_when_the_anonymizer_is_built()
    {
        var options = new AnonymizerOptions();
        var anonymizer = new Anonymizer(Detector, options);
        options.Operators[PiiTypes.Email] = PiiOperator.Redact();
        Assert.Equal("<EMAIL_1>", anonymizer.Anonymize("john@example.com", new PiiVault()));
    }
}
