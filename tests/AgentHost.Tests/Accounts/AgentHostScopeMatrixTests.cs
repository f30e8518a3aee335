using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentHost.Tests.Support;
using AgentTickets.Testing;
using TicketApi.Accounts;
using TicketApi.Ai;

namespace AgentHost.Tests.Accounts;

/// <summary>
/// The scope matrix over every route the agent host maps (the embedded ticket service's, the chat's, MCP's), read
/// from its endpoint data source, in required mode (docs/accounts.md, "Who may do what"; docs/mcp.md, "Authorization").
/// </summary>
public sealed class AgentHostScopeMatrixTests
{
    private static readonly Access[] WriteAccess = [Access.Write, Access.StaffWrite, Access.Admin];

    /// <summary>
    /// Routes that change state yet need only a sign-in: the conversation and protocol endpoints, whose effects are tool
    /// calls that check the credential's reach one by one (MCP: McpActing).
    /// </summary>
    private static readonly string[] SignInOnlyWrites = ["POST /chat/", "POST /mcp/", "DELETE /mcp/"];

    internal static AgentHostFactory Required() => new AgentHostFactory
    {
        Settings = ChatProviderSettings.Offline,
        Environment = { ["AUTH_MODE"] = "required" },
    }.Started();

    private static async Task<(AgentHostFactory Factory, HttpClient Admin, long TicketId)> StartAsync()
    {
        var factory = Required();
        // A redirect is an answer of its own here (the desk's "/"); followed, it would also drop the key.
        factory.ClientOptions.AllowAutoRedirect = false;
        var admin = await TestAccounts.SignInAsync(factory, "ada@example.com", "admin");
        var created = await admin.PostAsJsonAsync("/api/tickets/", new { title = "Printer jam" });
        created.EnsureSuccessStatusCode();
        return (factory, admin, (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!);
    }

    private static bool NeedsWrite(MappedRoute route) => route.Access is { } access && WriteAccess.Contains(access);

    [Fact]
    public async Task Anonymous_requests_get_a_401_from_every_route_but_health_sign_in_and_the_mcp_resource_metadata()
    {
        var (factory, admin, id) = await StartAsync();
        using var _ = factory;
        using var __ = admin;
        var routes = RouteMatrix.Routes(factory.Services);

        Assert.All(routes.Where(r => r.Open), r => Assert.True(
            r.Pattern == "/health"
            || r.Pattern.StartsWith("/.well-known/oauth-protected-resource", StringComparison.Ordinal)
            || (r.Pattern.StartsWith("/api/account/", StringComparison.Ordinal) && !r.ManagesAccount)
            // The emailed rating link: its signed token is the credential (docs/accounts.md, "Satisfaction").
            || r.Pattern == "/rate/{token}"
            // The web desk's sign-in, registration, sign-out and "not for your role" pages hold no data.
            || r.Pattern is "/signin" or "/register" or "/signout" or "/forbidden",
            $"{r} is open to anonymous requests"));
        using var anonymous = factory.CreateClient();
        var wrong = await RouteMatrix.FindAsync(anonymous, routes.Where(r => !r.Open), id, (_, status) => status != HttpStatusCode.Unauthorized);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_read_key_gets_a_403_from_every_write_route_and_is_let_through_every_other_route()
    {
        var (factory, admin, id) = await StartAsync();
        using var _ = factory;
        using var __ = admin;
        var (_, key) = await TestApiKeys.IssueAsync(admin, "read");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        var wrong = await RouteMatrix.FindAsync(withKey, RouteMatrix.Routes(factory.Services).Where(r => !r.Open), id, (route, status) =>
            NeedsWrite(route) || route.ManagesAccount ? status != HttpStatusCode.Forbidden : !RouteMatrix.LetThrough(status));

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_write_key_gets_a_403_from_every_admin_route_and_is_let_through_every_other_route()
    {
        var (factory, admin, id) = await StartAsync();
        using var _ = factory;
        using var __ = admin;
        var (_, key) = await TestApiKeys.IssueAsync(admin, "write");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        var wrong = await RouteMatrix.FindAsync(withKey, RouteMatrix.Routes(factory.Services).Where(r => !r.Open), id, (route, status) =>
            route.Access == Access.Admin || route.ManagesAccount || RouteMatrix.RequesterOnly(route) ? status != HttpStatusCode.Forbidden : !RouteMatrix.LetThrough(status));

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_route_that_changes_state_states_write_or_admin_access_but_the_chat_and_mcp()
    {
        using var factory = Required();

        var unguarded = RouteMatrix.Routes(factory.Services)
            .Where(r => r.ChangesState && !r.Open && !r.ManagesAccount && !NeedsWrite(r))
            .Select(r => r.ToString());

        Assert.Equal(SignInOnlyWrites.Order(StringComparer.Ordinal), unguarded.Order(StringComparer.Ordinal));
    }
}
