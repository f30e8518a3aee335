using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>The two modes (docs/accounts.md, "Modes"), on both stores, through Identity's real login.</summary>
public abstract class AuthModeTests(TicketStoreFixture store)
{
    private static void Required(IServiceCollection services) => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });

    [Fact]
    public async Task In_local_mode_a_request_without_credentials_acts_as_the_local_admin()
    {
        using var factory = new TicketApiFactory(store);
        using var client = factory.CreateClient();

        var response = await client.PostAsJsonAsync("/api/tickets/", new { title = "Printer jam" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task In_required_mode_a_request_without_credentials_is_a_401_problem_with_a_bearer_challenge()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/tickets/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task In_required_mode_health_and_login_answer_without_credentials()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        var login = await client.PostAsJsonAsync("/api/account/login", new { email = "nobody@example.com", password = "wrong" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task In_required_mode_a_person_who_signed_in_is_let_through()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");

        var response = await agent.GetAsync(new Uri("/api/tickets/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, (long)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["count"]!);
    }

    [Fact]
    public async Task A_requester_may_file_a_ticket_but_deleting_one_is_a_403_problem()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var requester = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");

        var created = await requester.PostAsJsonAsync("/api/tickets/", new { title = "VPN drops" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;

        var deleted = await requester.DeleteAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, deleted.StatusCode);
        Assert.Equal("application/problem+json", deleted.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_registered_person_can_sign_in_with_the_password_they_chose()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var client = factory.CreateClient();

        var registered = await client.PostAsJsonAsync("/api/account/register", new { email = "dana@example.com", password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        Assert.NotEmpty(await TestAccounts.LoginAsync(client, "dana@example.com"));
    }

    [Fact]
    public async Task The_key_ring_that_signs_tokens_is_kept_with_the_data_so_a_recreated_container_keeps_its_sign_ins()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");

        var folder = SigningKeys.FolderFor(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
            new TicketApi.Data.TicketDatabaseOptions { ConnectionString = factory.ConnectionString });
        Assert.NotEmpty(Directory.GetFiles(folder, "key-*.xml"));
        // A second host on the same data (a restart) reads the first one's token.
        using var restarted = factory.WithWebHostBuilder(_ => { });
        using var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Authorization = agent.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/account/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_person_who_registers_with_someone_elses_address_sees_none_of_the_tickets_sent_to_it()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var created = await agent.PostAsJsonAsync("/api/tickets/", new { title = "Payroll login fails", requester_email = "dana@example.com" });
        var id = (long)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!;
        using var impostor = factory.CreateClient();
        var registered = await impostor.PostAsJsonAsync("/api/account/register", new { email = "dana@example.com", password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        impostor.DefaultRequestHeaders.Authorization = new("Bearer", await TestAccounts.LoginAsync(impostor, "dana@example.com"));

        Assert.Equal(HttpStatusCode.NotFound, (await impostor.GetAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative))).StatusCode);
        var page = JsonNode.Parse(await impostor.GetStringAsync(new Uri("/api/tickets/", UriKind.Relative)))!;
        Assert.Equal(0, (long)page["count"]!);
        // A key of theirs is worth no more than their sign-in.
        var issued = await impostor.PostAsJsonAsync("/api/keys/", new { name = "probe", scopes = new[] { "read" } });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        using var withKey = factory.CreateClient();
        withKey.DefaultRequestHeaders.Authorization = new("Bearer", (string)JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["key"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await withKey.GetAsync(new Uri($"/api/tickets/{id}/", UriKind.Relative))).StatusCode);
        // A person an admin made, whose address is vouched for, does see the tickets sent to it.
        var sent = await agent.PostAsJsonAsync("/api/tickets/", new { title = "VPN drops", requester_email = "lee@example.com" });
        var leesTicket = (long)JsonNode.Parse(await sent.Content.ReadAsStringAsync())!["id"]!;
        using var lee = await TestAccounts.SignInAsync(factory, "lee@example.com", "requester");
        Assert.Equal(HttpStatusCode.OK, (await lee.GetAsync(new Uri($"/api/tickets/{leesTicket}/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Registration_turned_off_is_a_403_problem_and_stores_nobody()
    {
        using var factory = new TicketApiFactory(store, services => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required, AllowRegistration = false }));
        using var client = factory.CreateClient();

        var registered = await client.PostAsJsonAsync("/api/account/register", new { email = "dana@example.com", password = TestAccounts.Password });

        Assert.Equal(HttpStatusCode.Forbidden, registered.StatusCode);
        var login = await client.PostAsJsonAsync("/api/account/login", new { email = "dana@example.com", password = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }
}

public sealed class AuthModeOnSqliteTests() : AuthModeTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class AuthModeOnPostgresTests(PostgresServer server) : AuthModeTests(server);
