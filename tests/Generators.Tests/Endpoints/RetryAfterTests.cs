using HybridAI.Generators.Endpoints;

namespace HybridAI.Generators.Tests.Endpoints;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan? Parse(params (string Name, string Value)[] headers) =>
        EndpointErrors.RetryAfter(name => headers.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value, Now);

    [Fact]
    public void Seconds_are_read() => Assert.Equal(TimeSpan.FromSeconds(2.5), Parse(("Retry-After", "2.5")));

    [Fact]
    public void An_http_date_is_read_relative_to_now() =>
        Assert.Equal(TimeSpan.FromSeconds(30), Parse(("Retry-After", "Tue, 10 Mar 2026 12:00:30 GMT")));

    [Fact]
    public void A_date_in_the_past_means_no_wait() =>
        Assert.Equal(TimeSpan.Zero, Parse(("Retry-After", "Tue, 10 Mar 2026 11:59:00 GMT")));

    [Fact]
    public void Milliseconds_win_over_seconds() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), Parse(("retry-after-ms", "250"), ("Retry-After", "1")));

    [Theory]
    [InlineData("soon")]
    [InlineData("-3")]
    [InlineData("")]
    public void Nonsense_means_unknown(string value) => Assert.Null(Parse(("Retry-After", value)));

    [Fact]
    public void No_header_means_unknown() => Assert.Null(Parse());
}
