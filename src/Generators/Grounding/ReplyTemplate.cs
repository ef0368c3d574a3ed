using System.Text;
using HybridAI.Generators.Text;

namespace HybridAI.Generators.Grounding;

/// <summary>
/// The layout of a draft, with <c>{slot}</c> placeholders, and the stock phrases (greeting, intro,
/// "not covered" line, report findings…) that fill the standard slots. Built-ins exist for English and
/// French replies, summaries and reports; write <c>{{</c> and <c>}}</c> for literal braces.
/// <para>
/// In a report, a layout line that uses a model-value slot (<c>{category}</c>, <c>{confidence}</c>,
/// <c>{score}</c>, <c>{top_features}</c>) is a claim: the writer ends it with the inference result's
/// citation marker. Every other literal of the layout is boilerplate (see <see cref="GroundedDraft.Boilerplate"/>).
/// </para>
/// </summary>
/// <example>
/// <code>
/// var template = new ReplyTemplate("{greeting}\n\nTicket {ticket}: {body}\n\n{sources}\n\n{signature}", "en")
/// {
///     Signature = "The Billing Team",
/// };
/// var draft = new GroundedDraftWriter().WriteReply(question, evidence,
///     new Dictionary&lt;string, string&gt; { ["ticket"] = "T-1042" }, template);
///
/// // A fraud team's audit note: model values on their own lines, each line cited to the model output.
/// var audit = new ReplyTemplate("Fraud review {case_id}\nDecision: {category} ({confidence}), score {score}\nDrivers: {top_features}\n\n{body}\n\n{sources}")
/// {
///     Name = "fraud audit",
/// };
/// GroundedDraft note = new GroundedDraftWriter().WriteReport(fraudResult, evidence, focus: caseText,
///     new Dictionary&lt;string, string&gt; { ["case_id"] = "C-7" }, audit);
/// // "Fraud review C-7\nDecision: fraud (87.5%), score 0.913 [1]\nDrivers: new_device (+1.92), … [1]\n\n…"
/// </code>
/// </example>
public sealed class ReplyTemplate
{
    private const string ReplyLayout = "{greeting}\n\n{intro}\n\n{body}\n\n{sources}\n\n{signature}";
    private const string SummaryLayout = "{body}\n\n{sources}";
    private const string ReportLayout = "{title}\n\n{findings}\n\n{body}\n\n{sources}";

    private readonly Segment[] _segments;

    /// <summary>Parses a layout; stock phrases default to those of <paramref name="language"/>.</summary>
    /// <param name="text">The layout with <c>{slot}</c> placeholders (see <see cref="ReplySlots"/>; other names are custom slots).</param>
    /// <param name="language">"en" or "fr": the language of the default phrases.</param>
    /// <exception cref="FormatException">A brace is unbalanced or a slot name is empty or malformed; the message gives the position.</exception>
    public ReplyTemplate(string text, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(language);
        Language = LanguageGuess.Normalize(language, nameof(language));
        Text = text;
        _segments = Parse(text, out string[] slots);
        Slots = slots;

        bool french = Language == LanguageGuess.French;
        Greeting = french ? "Bonjour," : "Hello,";
        GreetingForCustomer = french ? "Bonjour {customer}," : "Hello {customer},";
        Intro = french ? "Merci de nous avoir contactés." : "Thank you for contacting us.";
        IntroForCategory = french ? "Merci de nous avoir contactés au sujet de : {category}." : "Thank you for contacting us about {category}.";
        EvidenceLead = french ? "Voici ce qu'indique notre documentation :" : "Here is what our documentation says:";
        NotCovered = french
            ? "Notre base de connaissances ne couvre pas cette question ; un conseiller va revenir vers vous rapidement."
            : "Our knowledge base does not cover this question, so an agent will follow up with you shortly.";
        SourcesHeading = french ? "Sources :" : "Sources:";
        Signature = french ? "Cordialement,\nLe service client" : "Best regards,\nCustomer Support";
        ReportTitle = french ? "Rapport de dossier" : "Case report";
        ClassificationFinding = french
            ? "Le modèle a classé ce dossier en {category} avec une confiance de {confidence}."
            : "The model classified this case as {category} with {confidence} confidence.";
        ScoreFinding = french ? "Le modèle lui attribue un score de {score}." : "The model gave it a score of {score}.";
        FeaturesFinding = french
            ? "Les facteurs qui ont le plus pesé sont {top_features}."
            : "The factors that weighed most were {top_features}.";
        ModelOutputLabel = french ? "résultat du modèle" : "model output";
    }

    /// <summary>The built-in English customer-support reply.</summary>
    public static ReplyTemplate EnglishReply { get; } = new(ReplyLayout, LanguageGuess.English) { Name = "built-in English reply" };

    /// <summary>The built-in French customer-support reply.</summary>
    public static ReplyTemplate FrenchReply { get; } = new(ReplyLayout, LanguageGuess.French) { Name = "built-in French reply" };

    /// <summary>The built-in English summary: cited sentences and sources only.</summary>
    public static ReplyTemplate EnglishSummary { get; } = new(SummaryLayout, LanguageGuess.English)
    {
        Name = "built-in English summary",
        EvidenceLead = string.Empty,
        NotCovered = "The sources contain nothing relevant to summarize.",
    };

    /// <summary>The built-in French summary: cited sentences and sources only.</summary>
    public static ReplyTemplate FrenchSummary { get; } = new(SummaryLayout, LanguageGuess.French)
    {
        Name = "built-in French summary",
        EvidenceLead = string.Empty,
        NotCovered = "Les sources ne contiennent rien de pertinent à résumer.",
    };

    /// <summary>The built-in English report: title, model findings, supporting evidence, sources.</summary>
    public static ReplyTemplate EnglishReport { get; } = new(ReportLayout, LanguageGuess.English)
    {
        Name = "built-in English report",
        EvidenceLead = "Supporting documentation:",
        NotCovered = "The knowledge base holds nothing that bears on this case; a reviewer should check it.",
    };

    /// <summary>The built-in French report: title, model findings, supporting evidence, sources.</summary>
    public static ReplyTemplate FrenchReport { get; } = new(ReportLayout, LanguageGuess.French)
    {
        Name = "built-in French report",
        EvidenceLead = "Documentation à l'appui :",
        NotCovered = "La base de connaissances ne contient rien qui concerne ce dossier ; un analyste doit le vérifier.",
    };

    /// <summary>What error messages call this template; "custom" unless set.</summary>
    public string Name { get; init; } = "custom";

    /// <summary>The layout as given.</summary>
    public string Text { get; }

    /// <summary>The distinct slot names the layout uses, in order of first use.</summary>
    public IReadOnlyList<string> Slots { get; }

    /// <summary>The language of the stock phrases: "en" or "fr".</summary>
    public string Language { get; }

    /// <summary>Salutation when no customer name is given.</summary>
    public string Greeting { get; init; }

    /// <summary>Salutation when the <c>customer</c> slot is given; <c>{customer}</c> is replaced by it.</summary>
    public string GreetingForCustomer { get; init; }

    /// <summary>Intro when no category is given.</summary>
    public string Intro { get; init; }

    /// <summary>Intro when the <c>category</c> slot is given; <c>{category}</c> is replaced by it.</summary>
    public string IntroForCategory { get; init; }

    /// <summary>Line before the cited sentences (empty for none).</summary>
    public string EvidenceLead { get; init; }

    /// <summary>The body when no evidence supports an answer.</summary>
    public string NotCovered { get; init; }

    /// <summary>The heading of the sources list.</summary>
    public string SourcesHeading { get; init; }

    /// <summary>Closing and signature.</summary>
    public string Signature { get; init; }

    /// <summary>A report's heading (the <c>{title}</c> slot) when none is supplied.</summary>
    public string ReportTitle { get; init; }

    /// <summary>The report finding stating the label; uses <c>{category}</c> and <c>{confidence}</c>. Empty to leave it out.</summary>
    public string ClassificationFinding { get; init; }

    /// <summary>The report finding stating the score; uses <c>{score}</c>. Left out when the result has no score or this is empty.</summary>
    public string ScoreFinding { get; init; }

    /// <summary>The report finding naming the top features; uses <c>{top_features}</c>. Left out when there are none or this is empty.</summary>
    public string FeaturesFinding { get; init; }

    /// <summary>What the sources list says after a model citation: "[1] Fraud score v3 (model output)".</summary>
    public string ModelOutputLabel { get; init; }

    /// <summary>The built-in reply or summary template for "en" or "fr".</summary>
    /// <param name="language">"en" or "fr".</param>
    /// <param name="summary">True for the summary layout.</param>
    public static ReplyTemplate BuiltIn(string language, bool summary = false)
    {
        ArgumentNullException.ThrowIfNull(language);
        bool french = LanguageGuess.Normalize(language, nameof(language)) == LanguageGuess.French;
        return (french, summary) switch
        {
            (true, true) => FrenchSummary,
            (true, false) => FrenchReply,
            (false, true) => EnglishSummary,
            (false, false) => EnglishReply,
        };
    }

    /// <summary>The built-in report template for "en" or "fr".</summary>
    /// <param name="language">"en" or "fr".</param>
    public static ReplyTemplate BuiltInReport(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return LanguageGuess.Normalize(language, nameof(language)) == LanguageGuess.French ? FrenchReport : EnglishReport;
    }

    /// <summary>True when the layout uses a model-value slot, so a report states the inference result outside its findings.</summary>
    internal bool UsesInferenceSlot
    {
        get
        {
            foreach (string name in Slots)
            {
                if (ReplySlots.IsInference(name))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Fills every slot; <paramref name="values"/> must hold a value for each of <see cref="Slots"/>. When
    /// <paramref name="claimMarker"/> is given, a line using a model-value slot ends with it and is added to
    /// <paramref name="claimLines"/>; literals and plain slot values elsewhere go to <paramref name="boilerplate"/>
    /// (the writer adds what the composed slots, body, findings and sources, hold).
    /// </summary>
    internal string Render(IReadOnlyDictionary<string, string> values, string? claimMarker, List<string> claimLines, List<string> boilerplate)
    {
        var output = new StringBuilder(Text.Length * 4);
        var line = new StringBuilder();
        int boilerplateOfLine = boilerplate.Count;
        bool lineIsClaim = false;

        foreach (Segment segment in _segments)
        {
            string piece = segment.IsSlot ? values[segment.Value] : segment.Value;
            bool claim = claimMarker is not null && segment.IsSlot && ReplySlots.IsInference(segment.Value);
            bool plain = !segment.IsSlot || !(claim || segment.Value is ReplySlots.Body or ReplySlots.Sources or ReplySlots.Findings);
            int from = 0;
            while (true)
            {
                int newline = piece.IndexOf('\n', from);
                ReadOnlySpan<char> part = newline < 0 ? piece.AsSpan(from) : piece.AsSpan(from, newline - from);
                line.Append(part);
                lineIsClaim |= claim;
                if (plain && !part.IsWhiteSpace())
                {
                    // Most pieces are a whole stock phrase already trimmed: keep that instance rather than copy it.
                    bool whole = part.Length == piece.Length && !char.IsWhiteSpace(piece[0]) && !char.IsWhiteSpace(piece[^1]);
                    boilerplate.Add(whole ? piece : part.Trim().ToString());
                }

                if (newline < 0)
                {
                    break;
                }

                EndLine(newline: true);
                from = newline + 1;
            }
        }

        EndLine(newline: false);

        // Empty slots (no signature, no sources) would leave holes of blank lines.
        string text = output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
        return TextPatterns.ExtraBlankLines().Replace(text, "\n\n").Trim();

        void EndLine(bool newline)
        {
            if (lineIsClaim)
            {
                // The line is one claim about the model's output: its literals are part of it, not boilerplate.
                boilerplate.RemoveRange(boilerplateOfLine, boilerplate.Count - boilerplateOfLine);
                string claimText = line.ToString().Trim();
                output.Append(claimText).Append(' ').Append(claimMarker);
                claimLines.Add(claimText);
            }
            else
            {
                output.Append(line);
            }

            if (newline)
            {
                output.Append('\n');
            }

            line.Clear();
            lineIsClaim = false;
            boilerplateOfLine = boilerplate.Count;
        }
    }

    private static Segment[] Parse(string text, out string[] slots)
    {
        var segments = new List<Segment>();
        var names = new List<string>();
        var literal = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i += 2;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i += 2;
            }
            else if (c == '}')
            {
                throw new FormatException($"Reply template: unmatched '}}' at position {i}; write '}}}}' for a literal brace.");
            }
            else if (c == '{')
            {
                int close = text.IndexOf('}', i + 1);
                if (close < 0)
                {
                    throw new FormatException($"Reply template: the slot opened at position {i} is never closed with '}}'.");
                }

                string name = text[(i + 1)..close];
                if (!IsSlotName(name))
                {
                    throw new FormatException($"Reply template: '{{{name}}}' at position {i} is not a valid slot name (letters, digits, '_', '-' and '.').");
                }

                if (literal.Length > 0)
                {
                    segments.Add(new Segment(literal.ToString(), IsSlot: false));
                    literal.Clear();
                }

                segments.Add(new Segment(name, IsSlot: true));
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                i = close + 1;
            }
            else
            {
                literal.Append(c);
                i++;
            }
        }

        if (literal.Length > 0)
        {
            segments.Add(new Segment(literal.ToString(), IsSlot: false));
        }

        slots = [.. names];
        return [.. segments];
    }

    private static bool IsSlotName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Segment(string Value, bool IsSlot);
}
