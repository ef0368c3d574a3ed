using HybridAI.Generators.Text;

namespace HybridAI.Generators.Tests.Text;

public class VocabularyTests
{
    [Fact]
    public void The_thread_vocabulary_numbers_each_call_from_zero_in_order_of_first_sight()
    {
        Vocabulary first = Vocabulary.ForThisThread();
        int[] firstIds = [first.GetOrAdd("refund"), first.GetOrAdd("card"), first.GetOrAdd("refund")];

        Vocabulary second = Vocabulary.ForThisThread();
        int[] secondIds = [second.GetOrAdd("card"), second.GetOrAdd("parcel"), second.GetOrAdd("refund")];

        Assert.Same(first, second);
        Assert.Equal([0, 1, 0], firstIds);
        Assert.Equal([0, 1, 2], secondIds); // "card" was 1 last call; numbers do not leak between calls
        Assert.Equal(3, second.Count);
    }

    [Fact]
    public void Each_thread_has_its_own_vocabulary()
    {
        Vocabulary mine = Vocabulary.ForThisThread();
        Vocabulary? other = null;

        var thread = new Thread(() => other = Vocabulary.ForThisThread());
        thread.Start();
        thread.Join();

        Assert.NotSame(mine, other);
    }
}
