using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AgentHost.Tickets;

/// <summary>
/// Resolves the ticket service's base address. With <c>TICKET_API_URL</c> it is that URL; embedded, it is
/// this host's own listening address, known only after the server has started, so it is resolved on first
/// use rather than at registration.
/// </summary>
public sealed class TicketServiceAddress(IOptions<TicketServiceOptions> options, IServiceProvider services)
{
    // In-memory servers (TestServer, the MCP stdio mode) have no socket address; their handler ignores the
    // host, so any absolute base works.
    private static readonly Uri InMemoryBase = new("http://localhost/");

    private Uri? _resolved;

    public bool IsEmbedded => options.Value.BaseAddress is null;

    public Uri BaseAddress
    {
        get
        {
            if (_resolved is not null)
            {
                return _resolved;
            }

            var resolved = Resolve();
            // The in-memory fallback is not cached: asked before Kestrel has bound, the real address comes later.
            if (resolved != InMemoryBase)
            {
                _resolved = resolved;
            }

            return resolved;
        }
    }

    private Uri Resolve()
    {
        if (options.Value.BaseAddress is { } configured)
        {
            return WithTrailingSlash(configured);
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var chosen = addresses?
            .Select(a => Uri.TryCreate(a.Replace("://+", "://localhost", StringComparison.Ordinal)
                                        .Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var u) ? u : null)
            .OfType<Uri>()
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .FirstOrDefault();
        if (chosen is null)
        {
            return InMemoryBase;
        }

        // A wildcard bind (0.0.0.0, [::]) is not an address to call; loopback reaches the same socket.
        var host = chosen.Host is "0.0.0.0" or "[::]" or "::" ? "127.0.0.1" : chosen.Host;
        return new UriBuilder(chosen.Scheme, host, chosen.Port, "/").Uri;
    }

    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}
