namespace AgentHost.Tickets;

/// <summary>
/// Where the ticket service is and how hard to try when it stumbles. Bound from configuration in
/// <see cref="TicketServiceCollectionExtensions.AddTicketServiceClient"/>.
/// </summary>
public sealed class TicketServiceOptions
{
    /// <summary>
    /// Base address of a separate ticket service (<c>TICKET_API_URL</c>). Null means embedded: the host
    /// serves <c>/api/tickets/</c> itself and the client calls its own listening address.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Total tries of one call, the first included (the issue caps it at 5).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles each try (with jitter).</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap on one retry delay, <c>Retry-After</c> included, so a chat turn never stalls for long.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one try may take before it counts as a network failure.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
