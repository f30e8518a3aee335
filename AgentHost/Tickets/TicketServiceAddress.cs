using Microsoft.Extensions.Options;

namespace AgentHost.Tickets;

/// <summary>
/// Where the ticket service is: <c>TICKET_API_URL</c>, or embedded in this process. Embedded, the tools do not
/// use HTTP at all (<see cref="InProcessTicketService"/>); <see cref="BaseAddress"/> is then only a placeholder
/// for an HTTP client that a test points at an in-memory server.
/// </summary>
public sealed class TicketServiceAddress(IOptions<TicketServiceOptions> options)
{
    private static readonly Uri InMemoryBase = new("http://localhost/");

    public bool IsEmbedded => options.Value.BaseAddress is null;

    public Uri BaseAddress => options.Value.BaseAddress is { } configured ? WithTrailingSlash(configured) : InMemoryBase;

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
