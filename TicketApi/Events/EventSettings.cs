using System.Globalization;

namespace TicketApi.Events;

/// <summary>
/// How the live events behave (docs/accounts.md, "Live events"): how many the table keeps (<c>EVENTS_KEEP</c>,
/// default 10,000), how often a stream looks for events written by other processes (<c>EVENTS_POLL_SECONDS</c>,
/// default 2; this process's own writes wake it at once), and how often a quiet stream sends a heartbeat.
/// </summary>
public sealed class EventSettings
{
    public int Keep { get; init; } = 10_000;
    public TimeSpan Poll { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(15);
    public TimeSpan PruneEvery { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>What a client waits before reconnecting (the <c>retry:</c> field).</summary>
    public TimeSpan Retry { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>At most this many events are read per query, so a client far behind catches up in steps.</summary>
    public int Batch { get; init; } = 500;

    /// <summary>The settings from configuration; a value that is not a positive number keeps the default.</summary>
    public static EventSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new EventSettings();
        return new EventSettings
        {
            Keep = int.TryParse(configuration["EVENTS_KEEP"], NumberStyles.None, CultureInfo.InvariantCulture, out var keep) && keep > 0 ? keep : defaults.Keep,
            Poll = double.TryParse(configuration["EVENTS_POLL_SECONDS"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var poll) && poll > 0
                ? TimeSpan.FromSeconds(poll) : defaults.Poll,
        };
    }
}
