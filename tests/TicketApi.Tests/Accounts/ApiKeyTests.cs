using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AgentTickets.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TicketApi.Accounts;
using TicketApi.Accounts.Keys;
using TicketApi.Tests.Infrastructure;

namespace TicketApi.Tests.Accounts;

/// <summary>API keys (docs/accounts.md, "API keys") on both stores, in required mode unless a test says otherwise.</summary>
public abstract class ApiKeyTests(TicketStoreFixture store)
{
    private static void Required(IServiceCollection services) => services.AddSingleton(new AccountSettings { Mode = AuthMode.Required });

    private static Uri Path(string path) => new(path, UriKind.Relative);

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task An_issued_key_is_shown_once_listed_by_prefix_and_stored_only_as_its_sha256()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");

        var issued = await agent.PostAsJsonAsync("/api/keys", new { name = "ci-bot", scopes = new[] { "read" } });

        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var body = await JsonOf(issued);
        var key = (string)body["key"]!;
        Assert.Matches("^at_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal($"/api/keys/{(long)body["id"]!}", issued.Headers.Location?.OriginalString);
        var listed = (await JsonOf(await agent.GetAsync(Path("/api/keys")))).AsArray().Single()!;
        Assert.Equal(key[..ApiKeySecret.PrefixLength], (string)listed["prefix"]!);
        Assert.Equal("ci-bot", (string)listed["name"]!);
        Assert.Equal("read", (string)listed["scopes"]![0]!);
        Assert.False((bool)listed["revoked"]!);
        Assert.Null(listed["key"]);
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);
        var stored = await factory.Services.GetRequiredService<ApiKeyStore>().FindHolderAsync(SHA256.HashData(Encoding.UTF8.GetBytes(key)), default);
        Assert.Equal((long)body["id"]!, stored?.KeyId);
    }

    [Fact]
    public async Task A_read_key_of_an_agent_reads_tickets_and_gets_a_403_problem_for_a_write()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var (_, key) = await TestApiKeys.IssueAsync(agent, "read");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync(Path("/api/tickets/"))).StatusCode);
        var refused = await withKey.PostAsJsonAsync("/api/tickets/", new { title = "Printer jam" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_write_key_acts_as_its_owner_and_its_owner_s_current_role()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var (_, key) = await TestApiKeys.IssueAsync(agent, "write");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);
        var created = await withKey.PostAsJsonAsync("/api/tickets/", new { title = "Printer jam" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (long)(await JsonOf(created))["id"]!;

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var sam = (await users.FindByEmailAsync("sam@example.com"))!;
            await users.RemoveFromRoleAsync(sam, "agent");
            await users.AddToRoleAsync(sam, "requester");
        }
        var deleted = await withKey.DeleteAsync(Path($"/api/tickets/{id}/"));

        Assert.Equal(HttpStatusCode.Forbidden, deleted.StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_with_401_on_the_very_next_request()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var (id, key) = await TestApiKeys.IssueAsync(agent, "write");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);
        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync(Path("/api/tickets/"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await agent.DeleteAsync(Path($"/api/keys/{id}"))).StatusCode);
        var after = await withKey.GetAsync(Path("/api/tickets/"));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("Bearer", after.Headers.WwwAuthenticate.Single().Scheme);
        var listed = (await JsonOf(await agent.GetAsync(Path("/api/keys")))).AsArray().Single()!;
        Assert.True((bool)listed["revoked"]!);
        Assert.Equal(HttpStatusCode.NoContent, (await agent.DeleteAsync(Path($"/api/keys/{id}"))).StatusCode);
    }

    [Theory]
    [InlineData("at_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("at_short")]
    [InlineData("at_!!!AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_or_malformed_key_is_a_401(string key)
    {
        using var factory = new TicketApiFactory(store, Required);
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        var response = await withKey.GetAsync(Path("/api/tickets/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("requester", "admin")]
    [InlineData("agent", "admin")]
    public async Task Asking_for_a_scope_above_your_role_is_a_422_naming_the_scopes(string role, string scope)
    {
        using var factory = new TicketApiFactory(store, Required);
        using var person = await TestAccounts.SignInAsync(factory, "pat@example.com", role);

        var refused = await person.PostAsJsonAsync("/api/keys", new { name = "too-wide", scopes = new[] { "read", scope } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("beyond yours", (string)(await JsonOf(refused))["errors"]!["scopes"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_requester_may_issue_a_write_key_and_it_files_tickets()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var requester = await TestAccounts.SignInAsync(factory, "dana@example.com", "requester");
        var (_, key) = await TestApiKeys.IssueAsync(requester, "write");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        Assert.Equal(HttpStatusCode.Created, (await withKey.PostAsJsonAsync("/api/tickets/", new { title = "VPN drops" })).StatusCode);
    }

    [Fact]
    public async Task An_admin_s_write_key_cannot_issue_an_admin_key()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var admin = await TestAccounts.SignInAsync(factory, "ada@example.com", "admin");
        var (_, key) = await TestApiKeys.IssueAsync(admin, "write");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        var refused = await withKey.PostAsJsonAsync("/api/keys", new { name = "escalate", scopes = new[] { "admin" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"","scopes":["read"]}""", "name")]
    [InlineData("""{"name":"ci","scopes":[]}""", "scopes")]
    [InlineData("""{"name":"ci"}""", "scopes")]
    [InlineData("""{"name":"ci","scopes":["root"]}""", "scopes")]
    public async Task An_unusable_name_or_scope_is_a_422_naming_the_field(string body, string field)
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");

        var refused = await agent.PostAsync(Path("/api/keys"), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull((await JsonOf(refused))["errors"]![field]);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var agent = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");

        var refused = await agent.PostAsync(Path("/api/keys"), new StringContent("""{"name":""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Someone_else_s_key_is_a_404_to_revoke_but_an_admin_may_revoke_it()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var sam = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        using var kim = await TestAccounts.SignInAsync(factory, "kim@example.com", "agent");
        using var admin = await TestAccounts.SignInAsync(factory, "ada@example.com", "admin");
        var (id, key) = await TestApiKeys.IssueAsync(sam, "read");

        Assert.Equal(HttpStatusCode.NotFound, (await kim.DeleteAsync(Path($"/api/keys/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kim.DeleteAsync(Path("/api/keys/abc"))).StatusCode);
        using (var withKey = TestApiKeys.WithKey(factory.CreateClient(), key))
        {
            Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync(Path("/api/tickets/"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(Path($"/api/keys/{id}"))).StatusCode);
        using var revoked = TestApiKeys.WithKey(factory.CreateClient(), key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.GetAsync(Path("/api/tickets/"))).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_lists_other_people_s_keys_and_unknown_parameters_are_a_400()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var sam = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var kimId = await TestAccounts.CreateUserAsync(factory.Services, "kim@example.com", "agent");
        using var admin = await TestAccounts.SignInAsync(factory, "ada@example.com", "admin");
        await TestApiKeys.IssueAsync(sam, "read", "sam-key");
        await TestApiKeys.IssueAsync(admin, "admin", "admin-key");

        Assert.Equal(HttpStatusCode.Forbidden, (await sam.GetAsync(Path($"/api/keys?user={kimId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await sam.GetAsync(Path("/api/keys?owner=all"))).StatusCode);
        var all = (await JsonOf(await admin.GetAsync(Path("/api/keys?user=all")))).AsArray();
        Assert.Equal(["sam-key", "admin-key"], all.Select(k => (string)k!["name"]!));
        Assert.Empty((await JsonOf(await admin.GetAsync(Path($"/api/keys?user={kimId}")))).AsArray());
    }

    [Fact]
    public async Task The_keys_of_a_deleted_person_stop_working()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var sam = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var (_, key) = await TestApiKeys.IssueAsync(sam, "write");

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            await users.DeleteAsync((await users.FindByEmailAsync("sam@example.com"))!);
        }
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await withKey.GetAsync(Path("/api/tickets/"))).StatusCode);
    }

    [Fact]
    public async Task Last_use_is_recorded_at_most_once_a_minute()
    {
        using var factory = new TicketApiFactory(store, Required);
        using var sam = await TestAccounts.SignInAsync(factory, "sam@example.com", "agent");
        var (_, key) = await TestApiKeys.IssueAsync(sam, "read");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);
        async Task<string?> LastUsed() => (string?)(await JsonOf(await sam.GetAsync(Path("/api/keys")))).AsArray().Single()!["last_used_at"];
        Assert.Null(await LastUsed());

        await withKey.GetAsync(Path("/api/tickets/"));
        var first = await LastUsed();
        factory.Clock.Advance(TimeSpan.FromSeconds(59));
        await withKey.GetAsync(Path("/api/tickets/"));
        Assert.Equal(first, await LastUsed());
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await withKey.GetAsync(Path("/api/tickets/"));

        Assert.NotNull(first);
        Assert.NotEqual(first, await LastUsed());
    }

    [Fact]
    public async Task In_local_mode_the_local_admin_issues_keys_that_act_as_the_local_admin()
    {
        using var factory = new TicketApiFactory(store);
        using var local = factory.CreateClient();
        var (_, key) = await TestApiKeys.IssueAsync(local, "read");
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync(Path("/api/tickets/"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await withKey.PostAsJsonAsync("/api/tickets/", new { title = "Printer jam" })).StatusCode);
        Assert.Equal("local", (string)(await JsonOf(await local.GetAsync(Path("/api/keys")))).AsArray().Single()!["user_id"]!);
    }

    [Fact]
    public async Task A_local_admin_s_key_is_refused_in_required_mode()
    {
        using var factory = new TicketApiFactory(store, Required);
        const string key = "at_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";
        await factory.Services.GetRequiredService<ApiKeyStore>().InsertAsync(
            Actor.LocalAdminId, "from-local-mode", ApiKeySecret.PrefixOf(key), ApiKeySecret.Hash(key), AccessScope.Admin, DateTime.UtcNow, default);
        using var withKey = TestApiKeys.WithKey(factory.CreateClient(), key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await withKey.GetAsync(Path("/api/tickets/"))).StatusCode);
    }
}

public sealed class ApiKeyOnSqliteTests() : ApiKeyTests(SqliteStore.Instance);

[Collection(PostgresServerGroup.Name)]
public sealed class ApiKeyOnPostgresTests(PostgresServer server) : ApiKeyTests(server);
