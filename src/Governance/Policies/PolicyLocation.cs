namespace HybridAI.Governance.Policies;

/// <summary>Which text a rule looked at.</summary>
public enum PolicyLocation
{
    /// <summary>What the user sent (the prompt of a generate step, the user messages of a chat call).</summary>
    Input,
    /// <summary>Passages a retrieve step brought back (or tool results in a chat call): they may carry hidden instructions.</summary>
    RetrievedContent,
    /// <summary>What the model generated.</summary>
    Output,
}
