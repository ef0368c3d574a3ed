using System.Text.RegularExpressions;

namespace HybridAI.Governance.Pii.Recognizers;

// The source-generated patterns, kept together so their shape can be compared at a glance.
public static partial class PiiRecognizers
{
    private const RegexOptions Fast = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])", Fast)]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""'()\[\]{}]*[^\s<>""'()\[\]{}.,;:!?]", Fast | RegexOptions.IgnoreCase)]
    private static partial Regex UrlRegex();

    // The \G patterns are tried only at token starts (see TokenScanner).

    // Groups of digits separated by one space, dot or dash, optionally with +CC / 00CC, (area) and (0).
    // The validator decides which national plan (if any) the grouping fits.
    [GeneratedRegex(@"\G(?<![\w+#@/.,-])(?:\+|00)?(?:\(\d{1,5}\)|\d{1,12})(?:(?:[ .-]|(?<=\))|(?=\())(?:\(\d{1,5}\)|\d{1,12})){0,7}(?![\w@])(?![.,/-]\d)", Fast)]
    private static partial Regex PhoneCandidateRegex();

    [GeneratedRegex(@"\G(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-])(?!\.\d)", Fast)]
    private static partial Regex CreditCardCandidateRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])", Fast)]
    private static partial Regex IbanCandidateRegex();

    [GeneratedRegex(@"\G(?<![\w-])\d{3}([- ])\d{2}\1\d{4}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex SsnRegex();

    [GeneratedRegex(@"\G(?<![\w-])\d{9}(?![\w-])", Fast)]
    private static partial Regex NineDigitsRegex();

    [GeneratedRegex(@"\G(?<!\w)[1-478] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[AaBb]) ?\d{3} ?\d{3} ?\d{2}(?!\w)", Fast)]
    private static partial Regex NirCandidateRegex();

    [GeneratedRegex(@"\G(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\w)(?!\.\d)", Fast)]
    private static partial Regex IPv4CandidateRegex();

    [GeneratedRegex(@"(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])", Fast)]
    private static partial Regex IPv6CandidateRegex();

    [GeneratedRegex(@"\G(?<![\w/.-])(?:\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\w/-])(?!\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDateCandidateRegex();

    // A capitalised name (or all-caps surname, common in French) right after a context phrase or a title.
    // Greetings and introductions keep the name on their own line ("Bonjour,\n\nDepuis…" names nobody), and a
    // greeting's name ends the phrase: "Hello Lumio support," and "hi We're away" greet no one.
    private const string NotTitle = @"(?!(?:Mr|Mrs|Ms|Dr|Mme|Mlle|Herr|Herrn|Frau|Monsieur|Madame|Mademoiselle|Miss|Madam|Sir|M)\b)";
    private const string ContextName = NotTitle + @"\p{Lu}(?:[\p{Ll}'’]+|\p{Lu}+)(?:-\p{Lu}[\p{Ll}'’]+)?(?: \p{Lu}(?:[\p{Ll}'’]+|\p{Lu}+)(?:-\p{Lu}[\p{Ll}'’]+)?){0,2}(?![\p{L}\p{Nd}])";
    private const string GreetingName =
        @"(?<=\b(?i:dear|hi|hello|bonjour|bonsoir|cher|chère)[,:]?[ \t]+)" + ContextName + @"(?=[ \t]*(?:[,!.:;\r\n]|$))";
    private const string IntroductionOrTitleName =
        @"(?<=(?:\b(?i:my name is|i am|i'm|this is|je m'appelle|je m’appelle|mon nom est|je suis)[,:]?|\b(?:Mr|Mrs|Ms|Dr|Mme|Mlle|Herr|Herrn|Frau|Monsieur|Madame|Mademoiselle|Miss)\.?|\bM\.)[ \t]+)" + ContextName;
    private const string SignOffName =
        @"(?<=\b(?i:regards|best regards|kind regards|cordialement|bien à vous|sincerely|signed|signé|merci|thanks|thank you)[,:]?\s+)" + ContextName;

    [GeneratedRegex(GreetingName + "|" + IntroductionOrTitleName + "|" + SignOffName, Fast)]
    private static partial Regex NameInContextRegex();

    [GeneratedRegex(@"(?<![\p{L}\p{Nd}'’-])\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}\p{Nd}'’-])", Fast)]
    private static partial Regex CapitalisedWordRegex();

    [GeneratedRegex(@"^ \p{Lu}(?:[\p{Ll}'’]+|\p{Lu}+)(?:-\p{Lu}[\p{Ll}'’]+)?(?![\p{L}\p{Nd}])", Fast)]
    private static partial Regex FollowingSurnameRegex();
}
