using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.RegularExpressions;

namespace HybridAI.Governance.Policies.Rules;

/// <summary>
/// Heuristics for prompt injection in English and French: attempts to override instructions ("ignore previous
/// instructions", "oublie tes instructions"), to re-role the model ("you are now", "tu es désormais", DAN /
/// developer mode), to extract the system prompt, instructions addressed to an AI inside a document, and smuggling:
/// invisible characters (zero-width, bidi controls, Unicode tag characters, whose hidden ASCII is decoded and checked
/// too) and base64 blobs that decode to such instructions.
/// </summary>
internal sealed partial class PromptInjectionRule : IPolicyRule
{
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u200B\u200C\u200D\u200E\u200F\u2060\u2061\u2062\u2063\u2064\uFEFF\u180E\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    private static readonly SearchValues<char> Base64Chars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    public string Name => "prompt-injection";

    public void Find(string text, PolicyLocation location, List<PolicyMatch> matches)
    {
        FindPhrases(TextFolding.Fold(text), 0, matches);
        FindSmuggling(text, matches);
        FindBase64(text, matches);
    }

    private static void FindPhrases(string folded, int offset, List<PolicyMatch> matches)
    {
        foreach (var m in InjectionRegex().EnumerateMatches(folded))
            matches.Add(new PolicyMatch(offset + m.Index, m.Length, Family(folded.AsSpan(m.Index, m.Length))));
    }

    private static string Family(ReadOnlySpan<char> match)
    {
        if (match.Contains("prompt", StringComparison.Ordinal) && !match.StartsWith("ignor") && !match.StartsWith("disregard"))
            return "prompt-extraction";
        if (match.StartsWith("you are now") || match.StartsWith("tu es") || match.StartsWith("vous etes") || match.Contains("mode", StringComparison.Ordinal)
            || match.Contains("pretend", StringComparison.Ordinal) || match.Contains("comme si", StringComparison.Ordinal) || match.Contains("role", StringComparison.Ordinal)
            || match.Contains("do anything now", StringComparison.Ordinal))
            return "role-play";
        if (match.Contains(" ai", StringComparison.Ordinal) || match.Contains(" ia", StringComparison.Ordinal) || match.Contains("assistant", StringComparison.Ordinal)
            || match.Contains("model", StringComparison.Ordinal) || match.Contains("llm", StringComparison.Ordinal))
            return "instructions-to-ai";
        return "ignore-instructions";
    }

    private static void FindSmuggling(string text, List<PolicyMatch> matches)
    {
        var s = text.AsSpan();
        var at = s.IndexOfAny(Invisible);
        if (at >= 0)
        {
            var end = s.LastIndexOfAny(Invisible) + 1;
            matches.Add(new PolicyMatch(at, end - at, "invisible-characters"));
        }
        // Tag characters U+E0000..U+E007F (surrogates DB40 DC00..DC7F) spell ASCII that renders as nothing.
        for (var i = 0; i < s.Length;)
        {
            var next = s[i..].IndexOf('\uDB40');
            if (next < 0)
                return;
            i += next;
            var start = i;
            var hidden = new StringBuilder();
            while (i + 1 < s.Length && s[i] == '\uDB40' && s[i + 1] is >= '\uDC00' and <= '\uDC7F')
            {
                hidden.Append((char)(s[i + 1] - 0xDC00));
                i += 2;
            }
            if (i == start)
            {
                i++;
                continue;
            }
            matches.Add(new PolicyMatch(start, i - start, "tag-characters"));
            if (InjectionRegex().IsMatch(TextFolding.Fold(hidden.ToString())))
                matches.Add(new PolicyMatch(start, i - start, "hidden-instructions"));
        }
    }

    private static void FindBase64(string text, List<PolicyMatch> matches)
    {
        var s = text.AsSpan();
        var from = 0;
        while (from < s.Length)
        {
            var start = s[from..].IndexOfAny(Base64Chars);
            if (start < 0)
                return;
            start += from;
            var length = s[start..].IndexOfAnyExcept(Base64Chars);
            var end = length < 0 ? s.Length : start + length;
            from = end + 1;
            var run = s[start..end];
            if (run.Length < 24 || !Base64.IsValid(run))
                continue;
            var bytes = new byte[(run.Length / 4 * 3) + 3];
            if (!Convert.TryFromBase64Chars(run, bytes, out var written))
                continue;
            string decoded;
            try
            {
                decoded = new UTF8Encoding(false, true).GetString(bytes, 0, written);
            }
            catch (DecoderFallbackException)
            {
                continue; // binary, not text
            }
            if (InjectionRegex().IsMatch(TextFolding.Fold(decoded)))
                matches.Add(new PolicyMatch(start, end - start, "encoded-instructions"));
        }
    }

    // On folded text (lower case, no accents). One alternation, so the scan is one pass whatever the number of phrases.
    [GeneratedRegex("""
        \b(?:
          (?:ignore|disregard|forget|skip|override|bypass)\s+(?:all\s+|any\s+|the\s+|your\s+|my\s+|these\s+)*(?:previous|prior|above|earlier|preceding|former|original|system|initial|safety)\s+(?:instructions?|prompts?|rules|directions|directives|guidelines|messages|context)
        | (?:ignore|disregard)\s+(?:the\s+|your\s+)?(?:system\s+prompt|instructions\s+above|guidelines)
        | forget\s+(?:everything|all)\s+(?:you\s+were\s+told|above|before|previously)
        | you\s+are\s+now\s+(?:a|an|in|my|no\s+longer|free|dan|unrestricted|jailbroken)\b
        | (?:pretend|act)\s+(?:to\s+be|as\s+if\s+you|that\s+you|as)\s+(?:an?\s+)?(?:unrestricted|unfiltered|evil|jailbroken|dan|ai\s+without|different\s+ai|you\s+have\s+no)
        | (?:developer|dan|jailbreak|god|debug|sudo)\s+mode\s+(?:enabled|on|activated)|(?:enable|activate|enter)\s+(?:developer|dan|jailbreak|god)\s+mode
        | do\s+anything\s+now
        | (?:role-?play|roleplay)\s+as\s+an?\s+(?:unrestricted|unfiltered|evil|ai\s+without)
        | (?:reveal|show|print|repeat|output|display|leak|tell\s+me)\s+(?:me\s+)?(?:your|the)\s+(?:full\s+|entire\s+|original\s+|hidden\s+)?(?:system\s+prompt|initial\s+prompt|hidden\s+instructions|instructions\s+above|system\s+message)
        | new\s+instructions\s*:
        | from\s+now\s+on,?\s+you\s+(?:will|must|are|shall)\s+(?:ignore|not\s+follow|answer\s+without|no\s+longer)
        | (?:if|when)\s+you\s+are\s+an?\s+(?:ai|language\s+model|llm|assistant|chatbot)
        | (?:note|instructions?|message)\s+(?:to|for)\s+(?:the\s+)?(?:ai|assistant|llm|language\s+model|chatbot)\b
        | <\|im_start\|>\s*system|\[/?inst\]|\#\#\#\s*(?:system|instruction)
        | ignore[rz]?\s+(?:toutes\s+)?(?:les\s+|tes\s+|vos\s+)?(?:instructions|consignes|regles)\s+(?:precedentes|anterieures|ci-dessus|d'origine|initiales|du\s+systeme)
        | (?:oublie[rz]?|oubliez)\s+(?:toutes\s+)?(?:tes|vos|les)\s+(?:instructions|consignes|regles)
        | ne\s+(?:tiens|tenez)\s+(?:pas|plus)\s+compte\s+(?:des|de\s+tes|de\s+vos)\s+(?:instructions|consignes|regles)
        | (?:tu\s+es|vous\s+etes)\s+(?:desormais|maintenant|a\s+present)\s+(?:un|une|en|libre|dan)\b
        | (?:fais|faites|fait)\s+comme\s+si\s+(?:tu\s+n'avais|vous\s+n'aviez|tu\s+etais|vous\s+etiez)
        | mode\s+(?:developpeur|sans\s+restriction|sans\s+filtre)
        | (?:revele|affiche|montre|repete|donne)[rsz]?\s+(?:moi\s+)?(?:ton|votre|le|ta|tes|vos)\s+(?:prompt\s+systeme|invite\s+systeme|message\s+systeme|instructions\s+(?:initiales|systeme|cachees))
        | nouvelles\s+(?:instructions|consignes)\s*:
        | (?:si|lorsque|quand)\s+(?:tu\s+es|vous\s+etes)\s+une?\s+(?:ia|intelligence\s+artificielle|assistant|modele\s+de\s+langage)
        | (?:note|message|instructions?)\s+(?:a|pour)\s+(?:l'|le\s+|la\s+)?(?:ia|assistant|modele)\b
        )
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex InjectionRegex();
}
