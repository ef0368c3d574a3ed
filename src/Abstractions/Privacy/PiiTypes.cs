namespace HybridAI.Abstractions.Privacy;

/// <summary>The fixed names of the built-in kinds of personal data. Custom recognizers add their own.</summary>
public static class PiiTypes
{
    /// <summary>A person's name.</summary>
    public const string Person = "PERSON";
    /// <summary>A company or institution.</summary>
    public const string Organization = "ORGANIZATION";
    /// <summary>A city, region or country.</summary>
    public const string Location = "LOCATION";
    /// <summary>A street address.</summary>
    public const string Address = "ADDRESS";
    /// <summary>An email address.</summary>
    public const string Email = "EMAIL";
    /// <summary>A phone number.</summary>
    public const string Phone = "PHONE";
    /// <summary>A payment card number (Luhn-valid).</summary>
    public const string CreditCard = "CREDIT_CARD";
    /// <summary>An international bank account number.</summary>
    public const string Iban = "IBAN";
    /// <summary>A US social security number.</summary>
    public const string UsSsn = "US_SSN";
    /// <summary>A French social security number (NIR).</summary>
    public const string FrNir = "FR_NIR";
    /// <summary>An IPv4 or IPv6 address.</summary>
    public const string IpAddress = "IP_ADDRESS";
    /// <summary>A URL or domain name.</summary>
    public const string Url = "URL";
    /// <summary>A date, including dates of birth.</summary>
    public const string Date = "DATE";
    /// <summary>A person's age.</summary>
    public const string Age = "AGE";
    /// <summary>A ZIP or postal code.</summary>
    public const string ZipCode = "ZIP_CODE";
}
