using System.Collections.Concurrent;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TicketApi.Channels;

/// <summary>What one inbound channel (a mailbox, Freshdesk) last did, as <c>/health</c> and the admin page show it (docs/channels.md, "Status").</summary>
public sealed record ChannelStatus(
    [property: Description("ok after a clean poll, failing after a failed one, starting before the first.")]
    [property: JsonPropertyName("state")] string State,
    [property: Description("When the last poll ended, UTC; null before the first.")]
    [property: JsonPropertyName("last_poll_at")]
    [property: JsonConverter(typeof(Contracts.NullableUtcTimestampJsonConverter))] DateTime? LastPollAt,
    [property: Description("When a poll last succeeded, UTC; null if none has.")]
    [property: JsonPropertyName("last_success_at")]
    [property: JsonConverter(typeof(Contracts.NullableUtcTimestampJsonConverter))] DateTime? LastSuccessAt,
    [property: Description("What the last failed poll said (no secrets); null after a clean poll.")]
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: Description("Items (mails, Freshdesk tickets or conversations) imported since the process started.")]
    [property: JsonPropertyName("imported")] long Imported,
    [property: Description("Items looked at and deliberately not imported since the process started (automatic mail: out-of-office, bounces, loops).")]
    [property: JsonPropertyName("ignored")] long Ignored = 0)
{
    public const string Starting = "starting";
    public const string Ok = "ok";
    public const string Failing = "failing";
}

/// <summary>
/// The channels' last polls, kept in memory by each poller (a restart starts again at "starting": the stored
/// marks of what was imported are the pollers' own, in the database). One singleton per process.
/// </summary>
public sealed class ChannelStatusBoard(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ChannelStatus> _channels = new(StringComparer.Ordinal);

    /// <summary>A channel that is configured and will poll: shown as "starting" until its first poll ends.</summary>
    public void Register(string channel) => _channels.TryAdd(channel, new ChannelStatus(ChannelStatus.Starting, null, null, null, 0));

    public void ReportSuccess(string channel, int imported, int ignored = 0)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _channels.AddOrUpdate(channel,
            _ => new ChannelStatus(ChannelStatus.Ok, now, now, null, imported, ignored),
            (_, old) => new ChannelStatus(ChannelStatus.Ok, now, now, null, old.Imported + imported, old.Ignored + ignored));
    }

    /// <summary>A failed poll; <paramref name="error"/> must name what failed without any credential.</summary>
    public void ReportFailure(string channel, string error, int imported = 0, int ignored = 0)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _channels.AddOrUpdate(channel,
            _ => new ChannelStatus(ChannelStatus.Failing, now, null, error, imported, ignored),
            (_, old) => new ChannelStatus(ChannelStatus.Failing, now, old.LastSuccessAt, error, old.Imported + imported, old.Ignored + ignored));
    }

    /// <summary>Every registered channel, by name.</summary>
    public IReadOnlyDictionary<string, ChannelStatus> Snapshot() =>
        new SortedDictionary<string, ChannelStatus>(_channels, StringComparer.Ordinal);
}
