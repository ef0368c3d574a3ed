namespace HybridAI.PiiEvalData;

/// <summary>The language and country a template is written for; it picks the formats of phones, dates, addresses.</summary>
public enum Locale
{
    UsEnglish,
    UkEnglish,
    French,
    German,
}
