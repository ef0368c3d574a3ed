namespace HybridAI.Classifiers;

/// <summary>Receives each term ("word:refund", "char: rem") a text produces, in order, with repeats.</summary>
internal interface ITermSink
{
    void Add(ReadOnlySpan<char> term);
}
