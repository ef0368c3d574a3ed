namespace HybridAI.Native.LlamaCpp.Tests;

public sealed class StopStringFilterTests
{
    [Fact]
    public void Text_without_stops_passes_straight_through()
    {
        var f = new StopStringFilter([]);
        Assert.Equal("abc", f.Push("abc"));
        Assert.Equal("", f.Flush());
    }

    [Fact]
    public void A_stop_split_across_pushes_is_caught_and_dropped()
    {
        var f = new StopStringFilter(["</end>"]);
        Assert.Equal("Hello ", f.Push("Hello </"));
        Assert.Equal("", f.Push("en"));
        Assert.False(f.Stopped);
        Assert.Equal("", f.Push("d> and more"));
        Assert.True(f.Stopped);
        Assert.Equal("", f.Flush());
    }

    [Fact]
    public void A_false_start_is_released_once_it_cannot_be_a_stop()
    {
        var f = new StopStringFilter(["STOP"]);
        Assert.Equal("a", f.Push("aST"));
        Assert.Equal("STx", f.Push("x"));
        Assert.Equal("S", f.Push("SS")); // "S" is released, the second may still start "STOP"
        Assert.Equal("S", f.Flush());
    }

    [Fact]
    public void The_earliest_of_several_stops_wins()
    {
        var f = new StopStringFilter(["world", "lo w"]);
        Assert.Equal("hel", f.Push("hello world"));
        Assert.True(f.Stopped);
        Assert.Equal("", f.Push("more"));
    }
}
