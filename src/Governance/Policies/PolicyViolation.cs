namespace HybridAI.Governance.Policies;

/// <summary>
/// One rule broken somewhere. It says which rule, what was done and where (offsets into the checked text), never the
/// offending text itself: that may be personal data or the injection payload.
/// </summary>
/// <param name="Rule">The rule's name (e.g. "prompt-injection").</param>
/// <param name="Category">What kind of violation inside the rule (e.g. "ignore-instructions", "EMAIL", "topic:weapons").</param>
/// <param name="Action">What the policy did about it.</param>
/// <param name="Location">Which text was checked.</param>
/// <param name="Item">Which retrieved passage (0 for input and output).</param>
/// <param name="Start">Where the violation starts in that text (UTF-16 offset).</param>
/// <param name="Length">How long it is.</param>
public sealed record PolicyViolation(string Rule, string Category, PolicyAction Action, PolicyLocation Location, int Item, int Start, int Length);
