using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>
/// Every route the ticket service maps (read from its endpoint data source, so none can be forgotten) against
/// anonymous callers and keys of each scope, in required mode, on both stores (docs/accounts.md, "Who may do what").
/// The agent host's routes have the same matrix in AgentHost.Tests.
/// </summary>
public abstract class ScopeMatrixTests(TicketStoreFixture store)
{
    private static readonly Access[] WriteAccess = [Access.Write, Access.StaffWrite, Access.Admin];

    private static void Required(IServiceCollection services) => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });

    private static async Task<(TicketApiFactory Factory, HttpClient Admin, long TicketId)> StartAsync(TicketStoreFixture store)
    {
        var factory = new TicketApiFactory(store, Required);
        var admin = await TestAccounts.SignInAsync(factory, "ada@example.com", "admin");
        var created = await admin.PostAsJsonAsync("/api/tickets/", new { title = "Printer jam", description = "Tray 2 jams on every job." });
        created.EnsureSuccessStatusCode();
        return (factory, admin, (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!);
    }

    [Fact]
    public async Task Anonymous_requests_get_a_401_from_every_route_but_health_and_the_sign_in_routes()
    {
        var (factory, admin, id) = await StartAsync(store);
        using var _ = factory;
        using var __ = admin;
        var routes = RouteMatrix.Routes(factory.Services);

        Assert.All(routes.Where(r => r.Open), r => Assert.True(
            r.Pattern == "/health"
            || (r.Pattern.StartsWith("/api/account/", StringComparison.Ordinal) && !r.ManagesAccount)
            // The emailed rating link: its signed token is the credential (docs/accounts.md, "Satisfaction").
            || r.Pattern == "/rate/{token}",
            $"{r} is open to anonymous requests"));
        using var anonymous = factory.CreateClient();
        var wrong = await RouteMatrix.FindAsync(anonymous, routes.Where(r => !r.Open), id, (_, status) => status != HttpStatusCode.Unauthorized);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_read_key_gets_a_403_from_every_write_route_and_is_let_through_every_read_route()
    {
        var (factory, admin, id) = await StartAsync(store);
        using var _ = factory;
        using var __ = admin;
        var (_, key) = await TestApiKeys.IssueAsync(admin, "read");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);
        var routes = RouteMatrix.Routes(factory.Services);
        Assert.Contains(routes, r => r.Access is { } access && WriteAccess.Contains(access));

        var wrong = await RouteMatrix.FindAsync(withKey, routes.Where(r => !r.Open), id, (route, status) =>
            route.Access is { } access && WriteAccess.Contains(access) || route.ManagesAccount
                ? status != HttpStatusCode.Forbidden
                : !RouteMatrix.LetThrough(status));

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_write_key_gets_a_403_from_every_admin_route_and_is_let_through_every_write_route()
    {
        var (factory, admin, id) = await StartAsync(store);
        using var _ = factory;
        using var __ = admin;
        var (_, key) = await TestApiKeys.IssueAsync(admin, "write");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);
        var routes = RouteMatrix.Routes(factory.Services);
        // Reach an admin has only with admin scope, asked for with a query parameter rather than a route of its own
        // (asked first: the matrix ends by revoking the key it calls with).
        Assert.Equal(HttpStatusCode.Forbidden, (await withKey.GetAsync(new Uri("/api/keys?user=all", UriKind.Relative))).StatusCode);

        var wrong = await RouteMatrix.FindAsync(withKey, routes.Where(r => !r.Open), id, (route, status) =>
            route.Access == Access.Admin || route.ManagesAccount || RouteMatrix.RequesterOnly(route) ? status != HttpStatusCode.Forbidden : !RouteMatrix.LetThrough(status));

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task An_admin_key_is_let_through_every_route()
    {
        var (factory, admin, id) = await StartAsync(store);
        using var _ = factory;
        using var __ = admin;
        var (_, key) = await TestApiKeys.IssueAsync(admin, "admin");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);
        var routes = RouteMatrix.Routes(factory.Services);

        var wrong = await RouteMatrix.FindAsync(withKey, routes.Where(r => !r.Open && !r.ManagesAccount), id,
            (route, status) => RouteMatrix.RequesterOnly(route) ? status != HttpStatusCode.Forbidden : !RouteMatrix.LetThrough(status));
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_route_that_changes_state_states_write_or_admin_access()
    {
        var (factory, admin, _) = await StartAsync(store);
        using var __ = factory;
        using var ___ = admin;

        var unguarded = RouteMatrix.Routes(factory.Services)
            .Where(r => r.ChangesState && !r.Open && !r.ManagesAccount && !(r.Access is { } access && WriteAccess.Contains(access)));

        Assert.Empty(unguarded);
    }
}

public sealed class ScopeMatrixOnSqliteTests() : ScopeMatrixTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ScopeMatrixOnPostgresTests(PostgresServer server) : ScopeMatrixTests(server);
