using HybridAI.Generators.Local.OnnxDecoder;

namespace HybridAI.Generators.Tests.Local.OnnxDecoder;

public class StopSequenceFilterTests
{
    [Fact]
    public void Holds_back_a_possible_start_and_cuts_at_a_stop_split_across_pieces()
    {
        var filter = new StopSequenceFilter(["</answer>", "STOP"]);

        Assert.Equal("The end", filter.Push("The end<"));
        Assert.Equal("", filter.Push("/ans"));
        Assert.Equal("", filter.Push("wer> is near"));
        Assert.True(filter.Stopped);
        Assert.Equal("", filter.Push("more"));
        Assert.Equal("", filter.Flush());
    }

    [Fact]
    public void Releases_held_text_when_it_turns_out_not_to_be_a_stop()
    {
        var filter = new StopSequenceFilter(["STOP"]);

        Assert.Equal("go ", filter.Push("go ST"));
        Assert.Equal("STar", filter.Push("ar"));
        Assert.Equal("", filter.Push("S"));
        Assert.Equal("S", filter.Flush());
        Assert.False(filter.Stopped);
    }

    [Fact]
    public void The_earliest_stop_wins()
    {
        var filter = new StopSequenceFilter(["bb", "ab"]);

        Assert.Equal("x", filter.Push("xabb"));
        Assert.True(filter.Stopped);
    }

    [Fact]
    public void Without_stops_text_passes_at_once() =>
        Assert.Equal("abc", new StopSequenceFilter(null).Push("abc"));
}
