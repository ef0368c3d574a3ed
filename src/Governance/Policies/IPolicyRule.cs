namespace HybridAI.Governance.Policies;

/// <summary>Looks for one kind of forbidden thing in a text. Stateless and thread-safe. Built-ins: <see cref="PolicyRules"/>.</summary>
public interface IPolicyRule
{
    /// <summary>The rule's name, recorded on each violation.</summary>
    string Name { get; }

    /// <summary>Adds what it finds in <paramref name="text"/> to <paramref name="matches"/>.</summary>
    /// <param name="text">The text to check.</param>
    /// <param name="location">Which text it is (some rules only make sense on some texts).</param>
    /// <param name="matches">Where matches go.</param>
    void Find(string text, PolicyLocation location, List<PolicyMatch> matches);
}
