using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>
/// How ticket values are stored, shared by the EF model and the hand-written read of one ticket:
/// timestamps as microseconds since the Unix epoch (UTC), statuses as their wire names.
/// </summary>
public static class StoredValues
{
    public static long ToMicroseconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static DateTime FromMicroseconds(long microseconds) =>
        new(DateTime.UnixEpoch.Ticks + microseconds * TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);

    public static string ToStored(TicketStatus status) => TicketStatuses.ToWire(status);

    public static TicketStatus FromStored(string status) => TicketStatuses.FromWire(status);
}
