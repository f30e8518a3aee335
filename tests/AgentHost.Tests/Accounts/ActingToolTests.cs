using AgentHost.Tests.Mcp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ModelContextProtocol.Client;
using TicketApi.Accounts;
using TicketApi.Data;
using TicketApi.Tickets;

namespace AgentHost.Tests.Accounts;

/// <summary>
/// Each tool call runs as the signed-in person through the tool's channel with the tool's name (docs/accounts.md,
/// "Acting"): what the ticket service sees, and the audit trail records, while a chat turn or an MCP call reads a ticket.
/// </summary>
public sealed class ActingToolTests
{
    /// <summary>The store's own reader, noting who was acting each time a ticket was read.</summary>
    private sealed class RecordingReader(TicketReader inner) : TicketReader
    {
        public List<Acting> Seen { get; } = [];

        public override Task<TicketEntity?> FindAsync(long id, CancellationToken cancellationToken)
        {
            lock (Seen)
            {
                Seen.Add(ActingContext.Current);
            }
            return inner.FindAsync(id, cancellationToken);
        }
    }

    private static async Task<(SignedInHost Host, RecordingReader Reader)> StartAsync()
    {
        RecordingReader? reader = null;
        var host = await SignedInHost.StartAsync(services: services => services.AddSingleton<TicketReader>(sp =>
            reader = new RecordingReader(new SqliteTicketReader(sp.GetRequiredService<IOptions<TicketDatabaseOptions>>()))));
        _ = host.Factory.Services.GetRequiredService<TicketReader>();
        return (host, reader!);
    }

    [Fact]
    public async Task A_chat_tool_call_reads_the_ticket_as_the_requester_through_channel_chat_naming_the_tool()
    {
        var (host, reader) = await StartAsync();
        await using var _ = host;
        var own = await host.FileAsync("VPN drops", SignedInHost.RequesterEmail);
        reader.Seen.Clear();

        await SignedInHost.ChatAsync(host.Requester, $"show ticket {own}");

        var acting = Assert.Single(reader.Seen);
        Assert.Equal((SignedInHost.RequesterEmail, ActorRole.Requester), (acting.Actor.Email, acting.Actor.Role));
        Assert.Equal(("chat", "get_ticket"), (acting.Channel, acting.Tool));
    }

    [Fact]
    public async Task An_mcp_tool_call_reads_the_ticket_as_the_sessions_person_through_channel_mcp_naming_the_tool()
    {
        var (host, reader) = await StartAsync();
        await using var _ = host;
        var own = await host.FileAsync("VPN drops", SignedInHost.RequesterEmail);
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(host.Requester.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            host.Requester, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, ownsHttpClient: false);
        await using var client = await McpClient.CreateAsync(transport, HttpConnect.ClientOptions(null));
        reader.Seen.Clear();

        await client.CallToolAsync("get_ticket", new Dictionary<string, object?> { ["id"] = own });

        var acting = Assert.Single(reader.Seen);
        Assert.Equal(SignedInHost.RequesterEmail, acting.Actor.Email);
        Assert.Equal(("mcp", "get_ticket"), (acting.Channel, acting.Tool));
    }
}
