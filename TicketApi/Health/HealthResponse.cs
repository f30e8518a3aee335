using System.ComponentModel;

namespace TicketApi.Health;

/// <summary>
/// The body of <c>GET /health</c>, the same in TicketApi and the agent host (docs/rest-api.md, "Health").
/// </summary>
public sealed record HealthResponse(
    [property: Description("ok, degraded or unhealthy: the worst of the checks. 503 goes with unhealthy.")] string Status,
    [property: Description("Each check this process runs (the ticket database, when it has one) and its state.")]
    IReadOnlyDictionary<string, string> Checks,
    [property: Description("What this process runs with, no secrets: the agent host names its model provider, model and ticket service.")]
    IReadOnlyDictionary<string, string?> Host,
    [property: Description("Each inbound channel this process polls (mailbox, freshdesk) and its last poll; empty when none is configured.")]
    IReadOnlyDictionary<string, Channels.ChannelStatus> Channels);
