using Microsoft.Extensions.Time.Testing;

namespace HybridAI.Orchestrator.Tests.Support;

/// <summary>A <see cref="FakeTimeProvider"/> that tells when someone starts a timer, so a test advances time only once a wait has begun.</summary>
public sealed class TimerSignallingTimeProvider : TimeProvider
{
    public FakeTimeProvider Fake { get; } = new();

    public SemaphoreSlim TimersCreated { get; } = new(0);

    public override DateTimeOffset GetUtcNow() => Fake.GetUtcNow();

    public override long GetTimestamp() => Fake.GetTimestamp();

    public override long TimestampFrequency => Fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => Fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = Fake.CreateTimer(callback, state, dueTime, period);
        TimersCreated.Release();
        return timer;
    }
}
