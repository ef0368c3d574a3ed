namespace HybridAI.Generators.Rag;

/// <summary>What <see cref="GroundednessCheckingChatClient"/> does to the answer's flagged sentences.</summary>
public enum UnsupportedSentenceAction
{
    /// <summary>Leave the text as the model wrote it; the report still lists the flagged sentences.</summary>
    Keep,

    /// <summary>Put <see cref="GroundednessOptions.UnsupportedMarker"/> after each flagged sentence.</summary>
    Mark,

    /// <summary>Remove each flagged sentence from the text.</summary>
    Drop,
}
