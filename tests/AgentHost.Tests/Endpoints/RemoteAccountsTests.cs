using System.Net;
using System.Net.Http.Headers;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;

namespace AgentHost.Tests.Endpoints;

/// <summary>
/// The agent host with <c>TICKET_API_URL</c> keeps no accounts: in required mode it lets in only credentials the ticket
/// service knows, and forwards them on every tool call, so the ticket service decides (docs/accounts.md, "Remote mode").
/// </summary>
public sealed class RemoteAccountsTests : IAsyncDisposable
{
    private const string OpenTickets = "/chat?message=what%27s%20open%3F";

    private readonly AgentHostFactory _ticketService = new() { ConfigureServices = Required };
    private readonly AgentHostFactory _agent;

    public RemoteAccountsTests()
    {
        _agent = new AgentHostFactory { TicketHandler = _ticketService.Server.CreateHandler(), ConfigureServices = Required };
    }

    private static void Required(IServiceCollection services) => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _ticketService.DisposeAsync();
    }

    [Fact]
    public async Task Chat_without_credentials_is_401_and_health_still_answers()
    {
        using var client = _agent.CreateClient();

        var chat = await client.GetAsync(new Uri(OpenTickets, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, chat.StatusCode);
        Assert.Equal("Bearer", chat.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_credential_the_ticket_service_does_not_know_is_401()
    {
        using var client = _agent.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri(OpenTickets, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_person_signed_in_at_the_ticket_service_chats_and_the_tools_act_with_their_credential()
    {
        using var signedIn = await TestAccounts.SignInAsync(_ticketService, "sam@example.com", "agent");
        using var client = _agent.CreateClient();
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;

        var stream = await client.GetStringAsync(new Uri(OpenTickets, UriKind.Relative));

        // The ticket service answers 401 to a tool call without the person's credential, so a succeeded tool proves it was forwarded.
        Assert.Contains("\"status\":\"succeeded\"", stream.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("event: end", stream, StringComparison.Ordinal);
    }
}
