using TicketApi.Contracts;

namespace TicketApi.Data;

/// <summary>
/// How timestamps are stored, shared by the EF model and the plain-SQL reads: microseconds since the
/// Unix epoch (UTC). Statuses are stored as their wire names (<see cref="TicketStatuses"/>).
/// </summary>
public static class StoredValues
{
    public static long ToMicroseconds(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;

    public static DateTime FromMicroseconds(long microseconds) =>
        new(DateTime.UnixEpoch.Ticks + microseconds * TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
}
