namespace HybridAI.Classifiers.Tests.Text;

public class SparseVectorTests
{
    [Fact]
    public void Stores_sorted_entries_and_reads_missing_ones_as_zero()
    {
        var v = new SparseVector(10, [1, 4], [3d, 4d]);

        Assert.Equal(2, v.Count);
        Assert.Equal(4d, v[4]);
        Assert.Equal(0d, v[5]);
        Assert.Equal(5d, v.Norm(), 12);
    }

    [Fact]
    public void Rejects_unsorted_or_out_of_range_indices_by_position()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SparseVector(10, [4, 1], [1d, 1d]));
        Assert.Contains("indices[1]", ex.Message, StringComparison.Ordinal);

        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseVector(3, [3], [1d]));
        Assert.Throws<ArgumentException>(() => new SparseVector(3, [0, 1], [1d]));
    }
}
