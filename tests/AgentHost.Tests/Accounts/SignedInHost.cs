using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;

namespace AgentHost.Tests.Accounts;

/// <summary>
/// The agent host in required mode with real people signed in through Identity (tests/Shared/TestAccounts.cs):
/// an agent, Sam, who files tickets for anyone, and a requester, Dana, whose chat and MCP session act as her.
/// </summary>
internal sealed class SignedInHost : IAsyncDisposable
{
    private SignedInHost(AgentHostFactory factory, HttpClient agent, HttpClient requester)
    {
        Factory = factory;
        Agent = agent;
        Requester = requester;
    }

    public const string RequesterEmail = "dana@example.com";

    public AgentHostFactory Factory { get; }

    public HttpClient Agent { get; }

    public HttpClient Requester { get; }

    public static async Task<SignedInHost> StartAsync(TicketApi.Ai.ChatProviderSettings? settings = null, Action<IServiceCollection>? services = null)
    {
        var factory = new AgentHostFactory
        {
            Settings = settings,
            ConfigureServices = s =>
            {
                s.AddSingleton(new AccountSettings { Mode = AuthMode.Required });
                services?.Invoke(s);
            },
        };
        var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var requester = await TestAccounts.SignInAsync(factory, RequesterEmail, "requester");
        return new SignedInHost(factory, agent, requester);
    }

    /// <summary>Files a ticket as the agent, for whoever <paramref name="requesterEmail"/> names.</summary>
    public async Task<long> FileAsync(string title, string requesterEmail, string description = "")
    {
        using var response = await Agent.PostAsJsonAsync("/api/tickets/", new { title, description, requester_email = requesterEmail });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!;
    }

    /// <summary>Every ticket as staff see them: id and status.</summary>
    public async Task<Dictionary<long, string>> AllTicketsAsync()
    {
        var page = JsonNode.Parse(await Agent.GetStringAsync(new Uri("/api/tickets/?page_size=100", UriKind.Relative)))!;
        return page["results"]!.AsArray().ToDictionary(t => (long)t!["id"]!, t => (string)t!["resolution_status"]!);
    }

    public static async Task<List<Frame>> ChatAsync(HttpClient client, string message)
    {
        using var response = await client.PostAsJsonAsync("/chat", new { message });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await SseReader.ReadAllAsync(response)).Frames;
    }

    public async ValueTask DisposeAsync()
    {
        Agent.Dispose();
        Requester.Dispose();
        await Factory.DisposeAsync();
    }
}
