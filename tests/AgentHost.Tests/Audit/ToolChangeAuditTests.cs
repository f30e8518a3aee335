using System.Net.Http.Json;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;
using TicketApi.Accounts;
using TicketApi.Audit;
using TicketApi.Data;

namespace AgentHost.Tests.Audit;

/// <summary>
/// A change a tool makes is recorded as the person who asked, through the chat or MCP, with the tool's name
/// (docs/accounts.md, "Audit"): end to end, from a signed-in person's request to the audit row.
/// </summary>
public sealed class ToolChangeAuditTests
{
    private static AgentHostFactory RequiredMode() => new AgentHostFactory
    {
        ConfigureServices = services => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required }),
    }.Started();

    private static async Task<AuditEntry> OnlyRowAsync(AgentHostFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketDbContext>().Set<AuditEntry>().SingleAsync();
    }

    [Fact]
    public async Task A_ticket_the_offline_assistant_creates_in_the_chat_is_recorded_as_the_signed_in_person_through_chat_with_create_ticket()
    {
        await using var factory = RequiredMode();
        using var dana = await TestAccounts.SignInAsync(factory, "dana@example.com", "agent");

        using var response = await dana.PostAsJsonAsync("/chat", new { message = "Create a ticket about email failures" });
        var (frames, _) = await SseReader.ReadAllAsync(response);

        Assert.Equal("end", frames[^1].Event);
        var row = await OnlyRowAsync(factory);
        Assert.Equal(TicketActions.Created, row.Action);
        Assert.Equal("dana@example.com", row.ActorName);
        Assert.NotEqual(Actor.LocalAdminId, row.ActorId);
        Assert.Equal("chat", row.Channel);
        Assert.Equal("create_ticket", row.Tool);
    }

    [Fact]
    public async Task A_ticket_created_through_mcp_over_http_is_recorded_as_the_signed_in_person_through_mcp_with_create_ticket()
    {
        await using var factory = RequiredMode();
        using var sam = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions { Endpoint = new Uri(sam.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp },
            sam, loggerFactory: null, ownsHttpClient: false);
        await using var client = await McpClient.CreateAsync(transport, new McpClientOptions { DiscoverProbeTimeout = TimeSpan.FromSeconds(30) });

        var result = await client.CallToolAsync("create_ticket", new Dictionary<string, object?> { ["title"] = "VPN drops every hour" });

        Assert.NotEqual(true, result.IsError);
        var row = await OnlyRowAsync(factory);
        Assert.Equal("sam@example.com", row.ActorName);
        Assert.Equal("mcp", row.Channel);
        Assert.Equal("create_ticket", row.Tool);
    }
}
