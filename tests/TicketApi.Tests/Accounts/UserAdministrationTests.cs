using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>People and roles for admins, and who a request acts as (docs/accounts.md, "Users"), in required mode, on both stores.</summary>
public abstract class UserAdministrationTests(TicketStoreFixture store) : IDisposable
{
    private readonly TicketApiFactory _factory = new(store, services => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required }));

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task<HttpClient> AdminAsync() => TestAccounts.SignInAsync(_factory, "ada@example.com", "admin");

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task Me_names_the_signed_in_person_with_their_role_scope_and_the_mode()
    {
        using var agent = await TestAccounts.SignInAsync(_factory, "sam@example.com", "agent");

        var me = await OkAsync(await agent.GetAsync(new Uri("/api/account/me", UriKind.Relative)));

        Assert.Equal("sam@example.com", (string?)me["email"]);
        Assert.Equal("agent", (string?)me["role"]);
        Assert.Equal("admin", (string?)me["scope"]);
        Assert.Null(me["key_id"]);
        Assert.Equal("required", (string?)me["mode"]);
    }

    [Fact]
    public async Task Me_without_credentials_in_required_mode_is_401()
    {
        using var anonymous = _factory.CreateClient();

        await ProblemAsync(await anonymous.GetAsync(new Uri("/api/account/me", UriKind.Relative)), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Every_users_route_is_401_without_credentials_and_403_for_requesters_and_agents()
    {
        using var anonymous = _factory.CreateClient();
        using var requester = await TestAccounts.SignInAsync(_factory, "rita@example.com", "requester");
        using var agent = await TestAccounts.SignInAsync(_factory, "sam@example.com", "agent");
        var someone = await TestAccounts.CreateUserAsync(_factory.Services, "lee@example.com", "requester");
        foreach (var (client, status) in new[] { (anonymous, HttpStatusCode.Unauthorized), (requester, HttpStatusCode.Forbidden), (agent, HttpStatusCode.Forbidden) })
        {
            await ProblemAsync(await client.GetAsync(new Uri("/api/users/", UriKind.Relative)), status);
            await ProblemAsync(await client.GetAsync(new Uri($"/api/users/{someone}/", UriKind.Relative)), status);
            await ProblemAsync(await client.PostAsJsonAsync("/api/users/", new { email = "new@example.com", role = "admin" }), status);
            await ProblemAsync(await client.PutAsJsonAsync($"/api/users/{someone}/role", new { role = "admin" }), status);
            await ProblemAsync(await client.DeleteAsync(new Uri($"/api/users/{someone}/", UriKind.Relative)), status);
        }
        using var admin = await AdminAsync();
        var stored = await OkAsync(await admin.GetAsync(new Uri($"/api/users/{someone}/", UriKind.Relative)));
        Assert.Equal("requester", (string?)stored["role"]);
        Assert.Equal(4, (long)(await OkAsync(await admin.GetAsync(new Uri("/api/users/", UriKind.Relative))))["count"]!);
    }

    [Fact]
    public async Task A_person_created_without_a_password_signs_in_with_the_one_time_password_and_can_change_it()
    {
        using var admin = await AdminAsync();

        var created = await admin.PostAsJsonAsync("/api/users/", new { email = "kim@example.com", role = "agent" });

        var body = await OkAsync(created, HttpStatusCode.Created);
        Assert.Equal($"/api/users/{(string)body["id"]!}/", created.Headers.Location?.OriginalString);
        Assert.Equal("agent", (string?)body["role"]);
        var oneTime = (string)body["one_time_password"]!;
        using var kim = _factory.CreateClient();
        kim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TestAccounts.LoginAsync(kim, "kim@example.com", oneTime));
        Assert.Equal(HttpStatusCode.OK, (await kim.GetAsync(new Uri("/api/tickets/", UriKind.Relative))).StatusCode);
        var changed = await kim.PostAsJsonAsync("/api/account/manage/info", new { oldPassword = oneTime, newPassword = TestAccounts.Password });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEmpty(await TestAccounts.LoginAsync(kim, "kim@example.com"));
        var again = await kim.PostAsJsonAsync("/api/account/login", new { email = "kim@example.com", password = oneTime });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    [Fact]
    public async Task A_person_created_with_a_password_gets_no_one_time_password_and_is_a_requester_by_default()
    {
        using var admin = await AdminAsync();

        var body = await OkAsync(await admin.PostAsJsonAsync("/api/users/", new { email = "kim@example.com", password = TestAccounts.Password }), HttpStatusCode.Created);

        Assert.Null(body["one_time_password"]);
        Assert.Equal("requester", (string?)body["role"]);
    }

    [Theory]
    [InlineData("""{"email":"kim@example.com","role":"boss"}""", HttpStatusCode.UnprocessableEntity, "role")]
    [InlineData("""{"email":"","role":"agent"}""", HttpStatusCode.UnprocessableEntity, "email")]
    [InlineData("""{"email":"kim@example.com","password":"short"}""", HttpStatusCode.UnprocessableEntity, "password")]
    [InlineData("""{"email": """, HttpStatusCode.BadRequest, null)]
    public async Task Create_refuses_bad_input_with_a_problem_naming_the_field(string json, HttpStatusCode status, string? field)
    {
        using var admin = await AdminAsync();

        var problem = await ProblemAsync(await admin.PostAsync(new Uri("/api/users/", UriKind.Relative), new StringContent(json, System.Text.Encoding.UTF8, "application/json")), status);

        if (field is not null)
        {
            Assert.NotNull(problem["errors"]?[field]);
        }
        Assert.Equal(1, (long)(await OkAsync(await admin.GetAsync(new Uri("/api/users/", UriKind.Relative))))["count"]!);
    }

    [Fact]
    public async Task Create_with_a_taken_email_is_409()
    {
        using var admin = await AdminAsync();

        var problem = await ProblemAsync(await admin.PostAsJsonAsync("/api/users/", new { email = "ADA@example.com" }), HttpStatusCode.Conflict);

        Assert.Contains("already exists", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_role_searches_emails_and_pages()
    {
        using var admin = await AdminAsync();
        await TestAccounts.CreateUserAsync(_factory.Services, "sam@example.com", "agent");
        await TestAccounts.CreateUserAsync(_factory.Services, "sue@example.com", "agent");
        await TestAccounts.CreateUserAsync(_factory.Services, "rita@sample.org", "requester");

        var agents = await OkAsync(await admin.GetAsync(new Uri("/api/users/?role=agent&page_size=1", UriKind.Relative)));
        var requesters = await OkAsync(await admin.GetAsync(new Uri("/api/users/?role=requester", UriKind.Relative)));
        var searched = await OkAsync(await admin.GetAsync(new Uri("/api/users/?search=SAMPLE", UriKind.Relative)));

        Assert.Equal(2, (long)agents["count"]!);
        Assert.Equal("sam@example.com", (string?)agents["results"]![0]!["email"]);
        Assert.Contains("page=2", (string?)agents["next"], StringComparison.Ordinal);
        Assert.Equal(["rita@sample.org"], requesters["results"]!.AsArray().Select(user => (string)user!["email"]!));
        Assert.Equal(["rita@sample.org"], searched["results"]!.AsArray().Select(user => (string)user!["email"]!));
        await ProblemAsync(await admin.GetAsync(new Uri("/api/users/?role=boss", UriKind.Relative)), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.GetAsync(new Uri("/api/users/?colour=red", UriKind.Relative)), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.GetAsync(new Uri("/api/users/?page=9", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Get_of_an_unknown_person_is_404()
    {
        using var admin = await AdminAsync();

        var problem = await ProblemAsync(await admin.GetAsync(new Uri("/api/users/nobody/", UriKind.Relative)), HttpStatusCode.NotFound);

        Assert.Equal("User with id 'nobody' was not found.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_next_request_of_a_token_issued_before_it()
    {
        using var admin = await AdminAsync();
        using var sam = await TestAccounts.SignInAsync(_factory, "sam@example.com", "agent");
        var samId = (string)(await OkAsync(await sam.GetAsync(new Uri("/api/account/me", UriKind.Relative))))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync(new Uri("/api/outbox/", UriKind.Relative))).StatusCode);

        var demoted = await OkAsync(await admin.PutAsJsonAsync($"/api/users/{samId}/role", new { role = "requester" }));

        Assert.Equal("requester", (string?)demoted["role"]);
        await ProblemAsync(await sam.GetAsync(new Uri("/api/outbox/", UriKind.Relative)), HttpStatusCode.Forbidden);
        Assert.Equal("requester", (string?)(await OkAsync(await sam.GetAsync(new Uri("/api/account/me", UriKind.Relative))))["role"]);
        await OkAsync(await admin.PutAsJsonAsync($"/api/users/{samId}/role", new { role = "admin" }));
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync(new Uri("/api/users/", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_role_change_refuses_an_unknown_person_404_and_an_unknown_role_422()
    {
        using var admin = await AdminAsync();
        var sam = await TestAccounts.CreateUserAsync(_factory.Services, "sam@example.com", "agent");

        await ProblemAsync(await admin.PutAsJsonAsync("/api/users/nobody/role", new { role = "agent" }), HttpStatusCode.NotFound);
        var problem = await ProblemAsync(await admin.PutAsJsonAsync($"/api/users/{sam}/role", new { role = "boss" }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(["Invalid role 'boss'. Allowed values are: requester, agent, admin."], problem["errors"]!["role"]!.AsArray().Select(error => (string)error!));
    }

    [Fact]
    public async Task The_last_admin_can_be_neither_demoted_nor_deleted_but_one_of_two_can()
    {
        using var admin = await AdminAsync();
        var adaId = (string)(await OkAsync(await admin.GetAsync(new Uri("/api/account/me", UriKind.Relative))))["id"]!;

        var demote = await ProblemAsync(await admin.PutAsJsonAsync($"/api/users/{adaId}/role", new { role = "agent" }), HttpStatusCode.Conflict);
        await ProblemAsync(await admin.DeleteAsync(new Uri($"/api/users/{adaId}/", UriKind.Relative)), HttpStatusCode.Conflict);

        Assert.Contains("only admin", (string?)demote["detail"], StringComparison.Ordinal);
        var second = await TestAccounts.CreateUserAsync(_factory.Services, "bo@example.com", "admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/users/{second}/", UriKind.Relative))).StatusCode);
        await ProblemAsync(await admin.PutAsJsonAsync($"/api/users/{adaId}/role", new { role = "agent" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_exactly_one_admin()
    {
        using var ada = await AdminAsync();
        using var bo = await TestAccounts.SignInAsync(_factory, "bo@example.com", "admin");
        var adaId = (string)(await OkAsync(await ada.GetAsync(new Uri("/api/account/me", UriKind.Relative))))["id"]!;
        var boId = (string)(await OkAsync(await bo.GetAsync(new Uri("/api/account/me", UriKind.Relative))))["id"]!;

        var answers = await Task.WhenAll(
            ada.PutAsJsonAsync($"/api/users/{boId}/role", new { role = "agent" }),
            bo.PutAsJsonAsync($"/api/users/{adaId}/role", new { role = "agent" }));

        // The loser is refused either by the last-admin rule (409) or, when the winner's change came first, as no admin any more (403).
        Assert.Single(answers, answer => answer.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, answer => answer.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.Forbidden);
        using var admin = await TestAccounts.SignInAsync(_factory, "cy@example.com", "admin");
        Assert.Equal(2, (long)(await OkAsync(await admin.GetAsync(new Uri("/api/users/?role=admin", UriKind.Relative))))["count"]!);
    }

    [Fact]
    public async Task A_deleted_person_is_gone_and_their_unexpired_token_stops_working()
    {
        using var admin = await AdminAsync();
        using var rita = await TestAccounts.SignInAsync(_factory, "rita@example.com", "requester");
        var ritaId = (string)(await OkAsync(await rita.GetAsync(new Uri("/api/account/me", UriKind.Relative))))["id"]!;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/users/{ritaId}/", UriKind.Relative))).StatusCode);

        await ProblemAsync(await rita.GetAsync(new Uri("/api/tickets/", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await ProblemAsync(await admin.GetAsync(new Uri($"/api/users/{ritaId}/", UriKind.Relative)), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.DeleteAsync(new Uri($"/api/users/{ritaId}/", UriKind.Relative)), HttpStatusCode.NotFound);
    }
}

public sealed class UserAdministrationOnSqliteTests() : UserAdministrationTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class UserAdministrationOnPostgresTests(PostgresServer server) : UserAdministrationTests(server);
