using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AgentTickets.Testing;

namespace Deployment.Tests.Containers;

/// <summary>
/// The compose setup requires sign-in (docs/accounts.md, "Modes"; docs/deployment.md): each service started with what
/// its image sets (listening on every interface) and what compose passes it, the admin of ADMIN_EMAIL/ADMIN_PASSWORD
/// included, answers 401 without credentials and lets that admin in, at the ticket service and through the agent host.
/// </summary>
public sealed class ComposeSignInTests
{
    private const string AdminEmail = "admin@example.com";
    private const string AdminPassword = "Compose-Admin-9-password";

    [Fact]
    public async Task The_compose_ticket_api_answers_401_without_credentials_and_lets_the_configured_admin_in()
    {
        var compose = await ComposeConfig.LoadAsync(variables: new Dictionary<string, string> { ["ADMIN_EMAIL"] = AdminEmail, ["ADMIN_PASSWORD"] = AdminPassword });
        await using var tickets = await StartAsync(compose, "ticket_api", "TicketApi/Dockerfile", 8000, ServiceProcess.StartTicketApiAsync);
        using var http = new HttpClient { BaseAddress = tickets.Url };

        var anonymous = await http.GetAsync(new Uri("/api/tickets/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);

        http.DefaultRequestHeaders.Authorization = await LoginAsync(http);
        var created = await http.PostAsJsonAsync("/api/tickets/", new { title = "Printer jam" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var me = await http.GetFromJsonAsync<JsonElement>("/api/account/me");
        Assert.Equal("admin", me.GetProperty("role").GetString());
        Assert.Equal("required", me.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task The_compose_agent_host_answers_401_without_credentials_and_chats_with_the_admins_token()
    {
        var compose = await ComposeConfig.LoadAsync(variables: new Dictionary<string, string> { ["ADMIN_EMAIL"] = AdminEmail, ["ADMIN_PASSWORD"] = AdminPassword });
        await using var tickets = await StartAsync(compose, "ticket_api", "TicketApi/Dockerfile", 8000, ServiceProcess.StartTicketApiAsync);
        await using var agent = await StartAsync(compose, "agent_host", "AgentHost/Dockerfile", 8100, ServiceProcess.StartAgentHostAsync,
            ticketApiUrl: tickets.Url.ToString().TrimEnd('/'));
        using var ticketHttp = new HttpClient { BaseAddress = tickets.Url };
        using var http = new HttpClient { BaseAddress = agent.Url, Timeout = TimeSpan.FromSeconds(60) };

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(new Uri("/chat?message=hello", UriKind.Relative))).StatusCode);

        http.DefaultRequestHeaders.Authorization = await LoginAsync(ticketHttp);
        var stream = await http.GetStringAsync(new Uri("/chat?message=what%27s%20open%3F", UriKind.Relative));
        // The ticket service answers a tool call without the admin's credential with 401: a succeeded tool shows it was forwarded.
        Assert.Contains("\"status\":\"succeeded\"", stream.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static async Task<AuthenticationHeaderValue> LoginAsync(HttpClient http)
    {
        var login = await http.PostAsJsonAsync("/api/account/login", new { email = AdminEmail, password = AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
    }

    /// <summary>The service with its image's environment, then what compose passes it, this test's port and scratch folder instead of the image's.</summary>
    private static async Task<ServiceProcess> StartAsync(ComposeConfig compose, string service, string dockerfile, int imagePort,
        Func<Func<int, string, IReadOnlyDictionary<string, string?>>, Task<ServiceProcess>> start, string? ticketApiUrl = null)
    {
        var environment = Dockerfile.Load(dockerfile).FinalEnvironment();
        foreach (var (name, value) in compose.Environment(service))
        {
            environment[name] = value;
        }
        Assert.Equal(AdminEmail, compose.Environment("ticket_api")["ADMIN_EMAIL"]);
        var process = await start((port, data) => environment.ToDictionary(
            pair => pair.Key,
            pair => (string?)(pair.Key switch
            {
                "ASPNETCORE_URLS" => pair.Value.Replace($":{imagePort}", $":{port}", StringComparison.Ordinal),
                "TICKET_API_URL" => ticketApiUrl ?? pair.Value,
                _ => pair.Value.Replace("/data/", $"{data}/", StringComparison.Ordinal),
            })));
        // The banner is logged once the server has started, which may be just after it first answered /health.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!process.Log.Contains("Accounts: required mode on http://0.0.0.0:", StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"{service} never said it runs in required mode:\n{process.Log}");
            await Task.Delay(50);
        }
        return process;
    }
}
