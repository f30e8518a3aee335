namespace AgentHost.Tickets;

/// <summary>
/// Where the ticket service is and how hard to try when it stumbles. Bound from configuration in
/// <see cref="TicketServiceCollectionExtensions.AddTicketServiceClient"/>.
/// </summary>
public sealed class TicketServiceOptions
{
    /// <summary>
    /// Base address of a separate ticket service (<c>TICKET_API_URL</c>). Null means embedded: the tools call
    /// the ticket service's code in this process (<see cref="InProcessTicketService"/>), not over HTTP.
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

    /// <summary>
    /// Most connections the HTTP client opens to the ticket service at once; a burst beyond it queues instead
    /// of opening (and later idling) hundreds of sockets (issue 8.5).
    /// </summary>
    public int MaxConnectionsPerServer { get; set; } = 16;

    /// <summary>How long an unused pooled connection stays open before it is closed.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a connection is reused at most, so DNS changes of the ticket service are picked up.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);
}
