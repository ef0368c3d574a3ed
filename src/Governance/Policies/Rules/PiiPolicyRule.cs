using HybridAI.Abstractions.Privacy;

namespace HybridAI.Governance.Policies.Rules;

/// <summary>Personal data found by a detector; the category is the PII type (EMAIL, PHONE...).</summary>
internal sealed class PiiPolicyRule(IPiiDetector detector, IReadOnlySet<string>? types) : IPolicyRule
{
    public string Name => "pii";

    public void Find(string text, PolicyLocation location, List<PolicyMatch> matches)
    {
        foreach (var f in detector.Detect(text))
        {
            if (types is null || types.Contains(f.Type))
                matches.Add(new PolicyMatch(f.Start, f.Length, f.Type));
        }
    }
}
